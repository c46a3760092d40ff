using StoreSite.Widgets;

namespace CP.Downloads.Widgets;

/// <summary>A link to Account -> Downloads on the <c>/account</c> dashboard.</summary>
public sealed class AccountDownloadsWidget : IWidget
{
    public string Zone => Zones.AccountDashboard;

    public int Position => 15;

    public Type ViewComponent => typeof(AccountDownloadsViewComponent);
}

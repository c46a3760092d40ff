using StoreSite.Widgets;

namespace CP.Commerce.Widgets;

/// <summary>The customer's recent orders on the <c>/account</c> dashboard.</summary>
public sealed class AccountOrdersWidget : IWidget
{
    public string Zone => Zones.AccountDashboard;

    public int Position => 20;

    public Type ViewComponent => typeof(AccountOrdersViewComponent);
}

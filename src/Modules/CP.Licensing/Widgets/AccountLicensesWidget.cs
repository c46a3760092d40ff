using StoreSite.Widgets;

namespace CP.Licensing.Widgets;

/// <summary>How many active keys the customer has, with a link to them, on the <c>/account</c> dashboard.</summary>
public sealed class AccountLicensesWidget : IWidget
{
    public string Zone => Zones.AccountDashboard;

    public int Position => 10;

    public Type ViewComponent => typeof(AccountLicensesViewComponent);
}

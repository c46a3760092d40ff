using System.Globalization;
using CP.Licensing.Customer.Records;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;

namespace CP.Licensing.ViewModels;

/// <summary>How a key reads for its customer on <c>/account/licenses/{id}</c>: its status, its allowance, who did what.</summary>
public static class CustomerLicenseText
{
    public const string NotPartOfPlan = "Deactivation is not part of this plan: ask the store if you need a slot freed.";
    public const string Unlimited = "Deactivations are unlimited.";

    /// <summary>"2 of 3 deactivations left this month", "unlimited", or "not part of this plan".</summary>
    public static string Allowance(CustomerLicenseDetail key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var allowance = key.Allowance;
        if (!allowance.Allowed)
        {
            return NotPartOfPlan;
        }

        return key.DeactivationsLeft is { } left
            ? string.Create(CultureInfo.InvariantCulture, $"{left} of {allowance.Per30Days} deactivation{(allowance.Per30Days == 1 ? string.Empty : "s")} left this month (any 30 days).")
            : Unlimited;
    }

    /// <summary>Why no production environment can be deactivated now (the allowance is used up or not part of the plan).</summary>
    public static string UsedUp(DeactivationAllowance allowance) =>
        !allowance.Allowed
            ? NotPartOfPlan
            : string.Create(CultureInfo.InvariantCulture, $"You have used the {allowance.Per30Days} deactivation{(allowance.Per30Days == 1 ? string.Empty : "s")} your plan allows in 30 days; ask the store if you need a slot freed sooner.");

    /// <summary>A line about a key that does not run as usual; null for an active key.</summary>
    public static string? StatusLine(LicenseStatus status, DateOnly? expiresOn) => status switch
    {
        LicenseStatus.Suspended => "The store has paused this key: your product's checks answer that it is suspended until the store reinstates it. Contact the store if you do not know why.",
        LicenseStatus.Revoked => "This key is revoked: it no longer activates and its sites can no longer change.",
        LicenseStatus.Expired => $"This key expired on {LicenseText.Expiry(expiresOn)}.",
        _ => null,
    };

    /// <summary>What an entry of the history is, in the customer's words.</summary>
    public static string What(LicenseEventKind kind) => kind switch
    {
        LicenseEventKind.Activated => "New site",
        LicenseEventKind.ActivationRefused => "Site refused",
        LicenseEventKind.Deactivated => "Site deactivated",
        LicenseEventKind.DevelopmentDeactivated => "Development site removed",
        _ => LicenseText.EventKind(kind),
    };

    /// <summary>Whether "Renew" is offered: a key of a plan that sells renewals, with an expiry (expired included), neither revoked nor suspended.</summary>
    public static bool ShowsRenew(DateOnly? expiresOn, bool revoked, bool suspended, bool planRenews) => planRenews && expiresOn is not null && !revoked && !suspended;

    /// <summary>Who did an entry of the history, in the customer's words.</summary>
    public static string Who(string actor) => actor switch
    {
        LicenseDeactivator.CustomerActor => "You",
        LicenseDeactivator.ApiActor => "Your product",
        _ => "The store",
    };

    /// <summary>What an upgrade gives, e.g. <c>10 sites</c>, <c>Unlimited sites, Lifetime</c>.</summary>
    public static string UpgradeGives(CP.Commerce.Upgrades.UpgradeOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var sites = offer.MaxActivations switch
        {
            0 => "Unlimited sites",
            1 => "1 site",
            var n => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n} sites"),
        };
        return offer.MakesLifetime ? sites + ", Lifetime" : sites;
    }
}

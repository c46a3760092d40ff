using System.Globalization;
using CP.Licensing.Models;

namespace CP.Licensing.ViewModels;

/// <summary>How licenses read on pages and in the CSV export: the same words everywhere.</summary>
public static class LicenseText
{
    public const string Lifetime = "Lifetime";
    public const string Unlimited = "Unlimited";

    public static readonly IReadOnlyList<(LicenseMatchRule Rule, string Label)> MatchRules =
    [
        (LicenseMatchRule.DomainOrIp, "Domain or IP"),
        (LicenseMatchRule.Domain, "Domain only"),
        (LicenseMatchRule.Ip, "IP only"),
    ];

    /// <summary>The expiry date (yyyy-MM-dd), or Lifetime.</summary>
    public static string Expiry(DateOnly? expiresOn) => expiresOn is { } date ? Date(date) : Lifetime;

    /// <summary>Max Activations: the number, or Unlimited for 0.</summary>
    public static string MaxActivations(int maxActivations) =>
        maxActivations == 0 ? Unlimited : maxActivations.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2 of 5", "3 of unlimited".</summary>
    public static string ActivationsOf(int used, int maxActivations) =>
        string.Create(CultureInfo.InvariantCulture, $"{used} of {(maxActivations == 0 ? "unlimited" : maxActivations.ToString(CultureInfo.InvariantCulture))}");

    /// <summary>For the customer: Lifetime, Expires on DATE, or Expired on DATE.</summary>
    public static string ExpiryStatus(DateOnly? expiresOn, DateOnly today) => expiresOn switch
    {
        null => Lifetime,
        { } date when today > date => $"Expired on {Date(date)}",
        { } date => $"Expires on {Date(date)}",
    };

    public static string Status(LicenseStatus status) => status.ToString();

    /// <summary>The badge class of a status (site.css).</summary>
    public static string Badge(LicenseStatus status) => status switch
    {
        LicenseStatus.Active => "badge-active",
        LicenseStatus.Expired or LicenseStatus.Suspended => "badge-expired",
        _ => "badge-revoked",
    };

    public static string MatchRule(LicenseMatchRule rule) =>
        MatchRules.FirstOrDefault(r => r.Rule == rule).Label ?? rule.ToString();

    public static string EventKind(LicenseEventKind kind) => kind switch
    {
        LicenseEventKind.Issued => "Issued",
        LicenseEventKind.Imported => "Imported",
        LicenseEventKind.Activated => "New environment",
        LicenseEventKind.Revoked => "Revoked",
        LicenseEventKind.SlotFreed => "Slot freed",
        LicenseEventKind.MaxActivationsChanged => "Max Activations changed",
        LicenseEventKind.ActivationRefused => "Refused environment",
        LicenseEventKind.Suspended => "Suspended",
        LicenseEventKind.Reinstated => "Reinstated",
        LicenseEventKind.Deactivated => "Deactivated by the customer",
        LicenseEventKind.DevelopmentDeactivated => "Development site removed by the customer",
        LicenseEventKind.ExpiryChanged => "Expiry changed",
        LicenseEventKind.Transferred => "Transferred",
        LicenseEventKind.Renewed => "Renewed",
        LicenseEventKind.Upgraded => "Upgraded",
        _ => kind.ToString(),
    };

    /// <summary>"1 environment", "2,000 environments": a count with its noun, grouped by commas in every culture.</summary>
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural)}");

    /// <summary>What the customer reads of a suspended key: the store paused it, and when (never the internal reason).</summary>
    public static string PausedByStore(DateOnly on) => $"Paused by the store on {Date(on)}";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

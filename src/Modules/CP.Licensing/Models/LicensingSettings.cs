namespace CP.Licensing.Models;

/// <summary>
/// The licensing site settings (section <see cref="Section"/>): the key prefix and the signing
/// secret every node shares (neither changes once keys exist; the secret is never shown), the key
/// that signs API answers, which domains are development environments, and when renewal reminders go out.
/// </summary>
public sealed class LicensingSettings
{
    public const string Section = "Licensing";

    public const string DefaultPrefix = "CP";

    public string KeyPrefix { get; set; } = DefaultPrefix;

    /// <summary>Base64 of the HMAC-SHA256 secret; empty until setup generates it.</summary>
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>Base64 of the 32-byte Ed25519 seed that signs API answers; empty until setup generates it. Never shown.</summary>
    public string ResponseSigningKey { get; set; } = string.Empty;

    /// <summary>Patterns of development domains (<c>*</c> is one or more labels); null for the defaults.</summary>
    public List<string>? DevelopmentDomains { get; set; }

    /// <summary>The most development environments one key may have.</summary>
    public int MaxDevelopmentSites { get; set; } = DefaultMaxDevelopmentSites;

    public const int DefaultMaxDevelopmentSites = 10;

    /// <summary>When renewal reminders go out, in days before the expiry (negative: after it); null for <see cref="DefaultRenewalReminderDays"/>, empty for none.</summary>
    public List<int>? RenewalReminderDays { get; set; }

    public static readonly IReadOnlyList<int> DefaultRenewalReminderDays = [30, 7, -3];

    /// <summary>The reminder days in force.</summary>
    public IReadOnlyList<int> ReminderDays => RenewalReminderDays ?? DefaultRenewalReminderDays;
}

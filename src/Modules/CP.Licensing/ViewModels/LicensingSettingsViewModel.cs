using System.ComponentModel.DataAnnotations;

namespace CP.Licensing.ViewModels;

/// <summary>The licensing section of Admin -> Settings: its form's fields, and the public key shown beside them.</summary>
public sealed class LicensingSettingsViewModel
{
    /// <summary>The longest development domains field accepted: every pattern at its longest, one a line.</summary>
    public const int MaxDevelopmentDomainsLength = Lifecycle.DevelopmentDomains.MaxPatterns * 255;

    /// <summary>One pattern a line.</summary>
    [Display(Name = "Development domains")]
    public string? DevelopmentDomains { get; set; }

    /// <summary>Read as text, so that the words for a bad number are ours.</summary>
    [Display(Name = "Development sites per key")]
    public string? MaxDevelopmentSites { get; set; }

    /// <summary>Days before the expiry (negative: after it), separated by commas; empty for no reminders.</summary>
    [Display(Name = "Renewal reminders (days)")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? RenewalReminderDays { get; set; }

    /// <summary>The longest reminder days field accepted.</summary>
    public const int MaxRenewalReminderDaysLength = 100;

    /// <summary>The days of the field, or null when one is not a whole number (an empty field is no reminders).</summary>
    public static IReadOnlyList<int>? ReminderDays(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var day))
            {
                return null;
            }

            days.Add(day);
        }

        return days;
    }

    public static string DaysText(IEnumerable<int> days) => string.Join(", ", days.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Base64 of the Ed25519 public key (display only; never posted).</summary>
    public string PublicKey { get; set; } = string.Empty;

    public static string Lines(IEnumerable<string> patterns) => string.Join('\n', patterns);

    /// <summary>The field's lines, trimmed, empty ones left out.</summary>
    public static IReadOnlyList<string> Patterns(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

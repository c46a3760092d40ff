using CP.Licensing.Settings;

namespace CP.Licensing.Controllers;

/// <summary>The admin's words for the licensing settings form.</summary>
public static class LicensingSettingsMessages
{
    public const string Saved = "Licensing settings saved.";

    public static readonly string TooLong = $"Development domains: enter at most {Lifecycle.DevelopmentDomains.MaxPatterns} patterns, one a line.";

    public static readonly string NotANumber = $"Development sites per key: enter a whole number from 1 to {LicensingSettingsStore.MaxDevelopmentSitesLimit}.";

    public static readonly string ReminderDaysInvalid = "Renewal reminders (days): enter whole numbers of days separated by commas, such as 30, 7, -3 (negative: after the expiry), or nothing for no reminders.";

    /// <summary>The store's problem, named by the form's label of <paramref name="field"/>.</summary>
    public static string Refused(string field, string problem) => field switch
    {
        "developmentDomains" => $"Development domains: {problem}",
        "maxDevelopmentSites" => NotANumber,
        "renewalReminderDays" => $"Renewal reminders (days): {problem}",
        _ => problem,
    };
}

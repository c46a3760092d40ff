namespace CP.Licensing;

/// <summary>Names of the licensing routes that links outside a request (mail) are generated from.</summary>
public static class LicensingRoutes
{
    /// <summary>Account -> Licenses, the signed-in customer's keys.</summary>
    public const string CustomerLicenses = "CP.Licensing.CustomerLicenses";

    /// <summary>One of the customer's keys, <c>/account/licenses/{id}</c>.</summary>
    public const string CustomerLicense = "CP.Licensing.CustomerLicense";

    /// <summary>The link in a renewal reminder that switches reminders off, <c>/account/reminders/off?token=…</c> (no sign-in needed).</summary>
    public const string ReminderOptOut = "CP.Licensing.ReminderOptOut";
}

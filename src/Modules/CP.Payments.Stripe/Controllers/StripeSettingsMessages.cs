using CP.Payments.Stripe.Settings;
using StoreSite;

namespace CP.Payments.Stripe.Controllers;

/// <summary>The words the admin reads on the Stripe settings page, chosen from the service's codes.</summary>
public static class StripeSettingsMessages
{
    public const string Saved = "The Stripe settings are saved.";
    public const string TooLong = "This is longer than any Stripe key.";

    public static string Connected(string accountId) => $"Connected to Stripe: account {accountId}.";

    public static string Refused(Outcome outcome) => outcome.Problem switch
    {
        StripeSettingsProblems.SecretKeyShape => "A secret key starts with sk_ (or rk_ for a restricted key), as Stripe's dashboard shows it.",
        StripeSettingsProblems.PublishableKeyShape => "A publishable key starts with pk_.",
        StripeSettingsProblems.WebhookSecretShape => "A webhook signing secret starts with whsec_.",
        StripeSettingsProblems.NoSecretKey => "Set a secret key first, then test the connection.",
        StripeSettingsProblems.StripeError => $"Stripe did not accept the connection: {outcome.Detail}",
        _ => $"The settings were not saved ({outcome.Problem}).",
    };

    public static string Source(StripeKeySource source) => source switch
    {
        StripeKeySource.Configuration => "set (from configuration, which wins over this page)",
        StripeKeySource.Stored => "set",
        _ => "not set",
    };
}

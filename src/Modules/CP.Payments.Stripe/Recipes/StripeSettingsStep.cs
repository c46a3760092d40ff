using CP.Payments.Stripe.Settings;
using StoreSite.Recipes;

namespace CP.Payments.Stripe.Recipes;

/// <summary>
/// <c>{"name": "StripeSettings", "secretKey": "sk_test_…", "publishableKey": "pk_test_…", "webhookSecret": "whsec_…"}</c>:
/// stores the Stripe keys (each optional; the secrets protected as from Admin -> Payments).
/// </summary>
public sealed class StripeSettingsStep(StripeSettingsStore settings) : IRecipeStep
{
    public string Name => "StripeSettings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var change = new StripeSettingsChange(
            context.OptionalString(context.Data, "secretKey", "secretKey"),
            context.OptionalString(context.Data, "publishableKey", "publishableKey"),
            context.OptionalString(context.Data, "webhookSecret", "webhookSecret"));
        var outcome = await settings.ChangeAsync(change, cancellationToken);
        if (!outcome.Succeeded)
        {
            var field = outcome.Field switch
            {
                nameof(StripeSettingsChange.SecretKey) => "secretKey",
                nameof(StripeSettingsChange.PublishableKey) => "publishableKey",
                _ => "webhookSecret",
            };
            throw context.Error(field, outcome.Problem switch
            {
                StripeSettingsProblems.SecretKeyShape => "must be a Stripe secret key (sk_… or rk_…).",
                StripeSettingsProblems.PublishableKeyShape => "must be a Stripe publishable key (pk_…).",
                _ => "must be a Stripe webhook signing secret (whsec_…).",
            });
        }
    }
}

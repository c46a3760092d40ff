using CP.Commerce.Payments;
using CP.Commerce.Settings;
using StoreSite.Recipes;
using StoreSite.Settings;

namespace CP.Commerce.Recipes;

/// <summary><c>{"name": "CommerceSettings", "paymentProvider": "test"}</c>: chooses the payment provider checkout uses.</summary>
public sealed class CommerceSettingsStep(ISiteSettingsStore settings, IEnumerable<IPaymentProvider> providers) : IRecipeStep
{
    public string Name => "CommerceSettings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var commerce = await settings.GetAsync<CommerceSettings>(CommerceSettings.Section, cancellationToken);
        if (context.OptionalString(context.Data, "paymentProvider", "paymentProvider") is { } name)
        {
            var provider = providers.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw context.Error("paymentProvider", $"Unknown payment provider '{name}'. Known: {string.Join(", ", providers.Select(p => p.Name))}.");
            commerce.PaymentProvider = provider.Name;
        }

        await settings.SaveAsync(CommerceSettings.Section, commerce, cancellationToken);
    }
}

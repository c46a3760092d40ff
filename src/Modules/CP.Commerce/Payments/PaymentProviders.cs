using CP.Commerce.Settings;
using StoreSite.Modules;
using StoreSite.Settings;

namespace CP.Commerce.Payments;

/// <summary>Finds the provider checkout uses (from <see cref="CommerceSettings"/>) and the one that charged an order.</summary>
public sealed class PaymentProviders(IEnumerable<IPaymentProvider> providers, IModuleState modules, ISiteSettingsStore settings)
{
    public IEnumerable<IPaymentProvider> All => modules.OnlyEnabled(providers);

    public IPaymentProvider? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The provider checkout charges with, or null while payments are not set up.</summary>
    public async Task<IPaymentProvider?> GetActiveAsync(CancellationToken cancellationToken)
    {
        var commerce = await settings.GetAsync<CommerceSettings>(CommerceSettings.Section, cancellationToken);
        return Find(commerce.PaymentProvider);
    }
}

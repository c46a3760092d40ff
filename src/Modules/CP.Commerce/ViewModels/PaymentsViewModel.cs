using CP.Commerce.Payments;

namespace CP.Commerce.ViewModels;

/// <summary>Admin -> Payments: the providers the enabled modules offer and the one checkout uses.</summary>
public sealed class PaymentsViewModel
{
    /// <summary>The chosen provider's <c>Name</c>; empty for none (checkout closed).</summary>
    public string? PaymentProvider { get; set; }

    public IReadOnlyList<IPaymentProvider> Providers { get; set; } = [];

    /// <summary>The names of the providers connected with test keys (a "Test mode" badge: no real money).</summary>
    public IReadOnlySet<string> OnTestKeys { get; set; } = new HashSet<string>();

    /// <summary>The stored choice when its provider is not available any more (its module was disabled).</summary>
    public string? UnavailableChoice { get; set; }
}

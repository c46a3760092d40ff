using System.ComponentModel.DataAnnotations;

namespace CP.Commerce.ViewModels;

/// <summary>What the checkout form posts.</summary>
public sealed class CheckoutInputModel
{
    [StringLength(64)]
    public string? CheckoutKey { get; set; }

    /// <summary>Test mode only: ask the test provider to decline.</summary>
    public bool SimulateDecline { get; set; }
}

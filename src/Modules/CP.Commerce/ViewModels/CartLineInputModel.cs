using System.ComponentModel.DataAnnotations;
using CP.Commerce.Cart;
using CP.Commerce.Controllers;

namespace CP.Commerce.ViewModels;

/// <summary>The add-to-cart and change-quantity forms: a plan id and a quantity (never a price).</summary>
public sealed class CartLineInputModel
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose a plan.")]
    public int PlanId { get; set; }

    [Range(1, ShoppingCart.MaxQuantity, ErrorMessage = CartMessages.QuantityOutOfRange)]
    public int Quantity { get; set; } = 1;
}

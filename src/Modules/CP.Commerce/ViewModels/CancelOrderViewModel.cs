using System.ComponentModel.DataAnnotations;
using CP.Commerce.Data;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The cancel confirmation page: the order and the required reason.</summary>
public sealed class CancelOrderViewModel
{
    [Required(ErrorMessage = "Give the reason for cancelling the order.")]
    [StringLength(OrderConfiguration.ReasonLength, ErrorMessage = "The reason must be at most 500 characters.")]
    public string? Reason { get; set; }

    public Order? Order { get; set; }
}

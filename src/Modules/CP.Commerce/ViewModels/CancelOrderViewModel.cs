using System.ComponentModel.DataAnnotations;
using CP.Commerce.Data;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The cancel confirmation page: the order and the required reason.</summary>
public sealed class CancelOrderViewModel
{
    [Required(ErrorMessage = Controllers.OrderActionMessages.CancelReasonRequired)]
    [StringLength(OrderConfiguration.ReasonLength, ErrorMessage = Controllers.OrderActionMessages.ReasonTooLong)]
    public string? Reason { get; set; }

    public Order? Order { get; set; }
}

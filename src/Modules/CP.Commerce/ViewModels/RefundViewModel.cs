using System.ComponentModel.DataAnnotations;
using CP.Commerce.Data;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The refund confirmation page: the order and the required reason.</summary>
public sealed class RefundViewModel
{
    [Required(ErrorMessage = Controllers.OrderActionMessages.RefundReasonRequired)]
    [StringLength(OrderConfiguration.ReasonLength, ErrorMessage = Controllers.OrderActionMessages.ReasonTooLong)]
    public string? Reason { get; set; }

    public Order? Order { get; set; }
}

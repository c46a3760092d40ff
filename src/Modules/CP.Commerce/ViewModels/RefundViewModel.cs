using System.ComponentModel.DataAnnotations;
using CP.Commerce.Data;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The refund confirmation page: the order, the lines to refund (their numbers; all unrefunded ones by default) and the required reason.</summary>
public sealed class RefundViewModel
{
    [Required(ErrorMessage = Controllers.OrderActionMessages.RefundReasonRequired)]
    [StringLength(OrderConfiguration.ReasonLength, ErrorMessage = Controllers.OrderActionMessages.ReasonTooLong)]
    public string? Reason { get; set; }

    public List<int>? Lines { get; set; }

    public Order? Order { get; set; }

    /// <summary>The total of the ticked lines that the order still has paid (the server's sum; a script updates the shown one as boxes change).</summary>
    public decimal Amount => Order?.Lines.Where(l => l.RefundedAt is null && Lines?.Contains(l.LineNumber) == true).Sum(l => l.LineTotal) ?? 0;
}

using CP.Commerce.Data;

namespace CP.Commerce.Orders;

/// <summary>The rule for the reason an admin gives to refund or cancel an order: required, at most <see cref="OrderConfiguration.ReasonLength"/> characters.</summary>
public static class OrderReasons
{
    /// <summary>The form field the reason is typed in.</summary>
    public const string Field = "Reason";

    /// <summary>The problem code of <paramref name="reason"/>, or null when it can be kept.</summary>
    public static string? Problem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? OrderProblems.ReasonRequired
        : reason.Trim().Length > OrderConfiguration.ReasonLength ? OrderProblems.ReasonTooLong
        : null;
}

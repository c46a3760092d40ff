namespace CP.Commerce.Orders;

/// <summary>
/// Why an action on an order is refused (<see cref="StoreSite.Outcome.Problem"/> codes of
/// <see cref="OrderRefunder"/> and <see cref="OrderCanceller"/>); the words are the web layer's
/// (<c>Controllers/OrderActionMessages</c>).
/// </summary>
public static class OrderProblems
{
    /// <summary>The reason is required (field <c>Reason</c>).</summary>
    public const string ReasonRequired = "reason_required";

    /// <summary>The reason is longer than the order can keep (field <c>Reason</c>).</summary>
    public const string ReasonTooLong = "reason_too_long";

    public const string AlreadyRefunded = "already_refunded";

    /// <summary>The money went back already; Finish refund completes the store's part.</summary>
    public const string RefundPending = "refund_pending";

    /// <summary>Only Paid orders can be refunded.</summary>
    public const string NotPaid = "not_paid";

    /// <summary>Only RefundPending orders can have their refund finished.</summary>
    public const string NotRefundPending = "not_refund_pending";

    public const string AlreadyCancelled = "already_cancelled";

    /// <summary>A paid order is refunded, not cancelled.</summary>
    public const string PaidNotCancellable = "paid_not_cancellable";

    /// <summary>The provider confirmed the charge: Finish payment, not cancel.</summary>
    public const string PaymentConfirmed = "payment_confirmed";

    /// <summary>Only Pending orders can be cancelled.</summary>
    public const string NotPending = "not_pending";

    /// <summary>The payment provider of the order is not installed or not enabled (<see cref="StoreSite.Outcome.Detail"/>: its name).</summary>
    public const string ProviderUnavailable = "provider_unavailable";

    /// <summary>The provider could not be reached (detail: the error).</summary>
    public const string ProviderUnreachable = "provider_unreachable";

    /// <summary>The provider refused (detail: its message).</summary>
    public const string ProviderRefused = "provider_refused";

    /// <summary>A cancel found the order charged after all (detail: the charge's reference).</summary>
    public const string ChargedAfterAll = "charged_after_all";

    /// <summary>A module refused the refund up front (detail: its reason).</summary>
    public const string RefusedByModule = "refused_by_module";

    /// <summary>The provider refunded but the store's part failed; the order is RefundPending (detail: the error).</summary>
    public const string StoreFailedAfterRefund = "store_failed_after_refund";

    /// <summary>Some lines are refunded: the rest is refunded line by line, not as a whole order.</summary>
    public const string PartiallyRefunded = "partially_refunded";

    /// <summary>A line refund names no line (field <c>Lines</c>).</summary>
    public const string NoLines = "no_lines";

    /// <summary>A line refund names a line the order does not have (field <c>Lines</c>, detail: the value).</summary>
    public const string UnknownLine = "unknown_line";

    /// <summary>A line refund names a line already refunded (field <c>Lines</c>, detail: its number).</summary>
    public const string LineAlreadyRefunded = "line_already_refunded";

    /// <summary>The provider refunded the lines but the store's part failed and rolled back (detail: the error); refunding the same lines again finishes it without moving money twice.</summary>
    public const string StoreFailedAfterLineRefund = "store_failed_after_line_refund";

    /// <summary>Another request changed the order meanwhile.</summary>
    public const string Changed = "changed";
}

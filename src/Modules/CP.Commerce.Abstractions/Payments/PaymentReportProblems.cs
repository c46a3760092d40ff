namespace CP.Commerce.Payments;

/// <summary>Why an <see cref="IPaymentConfirmations"/> report changed nothing (stable codes).</summary>
public static class PaymentReportProblems
{
    /// <summary>No order has the number, or it was charged by another provider.</summary>
    public const string UnknownOrder = "unknown_order";

    /// <summary>The order is not paid (yet): a refund or a dispute cannot apply to it now; report it again once the payment is confirmed.</summary>
    public const string NotPaidYet = "not_paid_yet";

    /// <summary>The order is past the change reported (already paid, failed, refunded or cancelled): nothing to do.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The store could not complete the change (e.g. a module's handler failed); nothing of it was kept: report it again later.</summary>
    public const string StoreFailed = "store_failed";
}

namespace CP.Commerce.Orders;

/// <summary>What an admin has to do by hand about a stuck order (<see cref="OrdersNeedingAttention"/>); the words are <c>Controllers/OrderActionMessages.Advice</c>.</summary>
public enum OrderAttention
{
    /// <summary>The money went back but the store's part of the refund failed.</summary>
    FinishRefund,

    /// <summary>The provider confirmed the payment but the order could not be completed.</summary>
    FinishPayment,

    /// <summary>The payment was never confirmed: cancel the order, or finish it if it was charged.</summary>
    CancelOrFinish,
}

namespace CP.Commerce;

/// <summary>Configuration section <c>StoreSite:Commerce</c> (environment variables <c>StoreSite__Commerce__…</c>).</summary>
public sealed class CommerceOptions
{
    public const string Section = "StoreSite:Commerce";

    /// <summary>
    /// How long an order may wait for a payment the store never saw confirmed before the store
    /// cancels it (the provider is asked to void it first); <c>00:00:00</c> turns this off. At
    /// least <see cref="Orders.OrdersNeedingAttention.UnconfirmedAfter"/>, so that a checkout still
    /// in progress is never cancelled.
    /// </summary>
    public TimeSpan CancelUnconfirmedAfter { get; set; } = TimeSpan.FromHours(24);
}

namespace CP.Payments.Stripe.Models;

/// <summary>A webhook event the store received, by Stripe's id: an event is processed once.</summary>
public sealed class StripeEvent
{
    /// <summary>Stripe's id, <c>evt_…</c> (the primary key: a repeated delivery finds it).</summary>
    public required string Id { get; set; }

    /// <summary>e.g. <c>checkout.session.completed</c>.</summary>
    public required string Type { get; set; }

    public string? OrderNumber { get; set; }

    /// <summary>The payment intent the event concerns, when it names one.</summary>
    public string? PaymentIntentId { get; set; }

    public StripeEventOutcome Outcome { get; set; }

    /// <summary>The event's JSON, kept only while it is <see cref="StripeEventOutcome.Waiting"/>.</summary>
    public string? Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }
}

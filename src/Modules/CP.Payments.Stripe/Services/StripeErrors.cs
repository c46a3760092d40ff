using Stripe;

namespace CP.Payments.Stripe.Services;

/// <summary>Stripe's message of a failed call, for the admin and the log (never a key: Stripe masks them itself).</summary>
public static class StripeErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        StripeException { StripeError.Message: { Length: > 0 } message } => message,
        StripeException stripe when stripe.HttpStatusCode != 0 => $"Stripe answered {(int)stripe.HttpStatusCode}.",
        HttpRequestException or TaskCanceledException or StripeException => "Stripe could not be reached.",
        _ => exception.Message,
    };

    /// <summary>
    /// <see cref="StripeProblems.StripeError"/> when Stripe answered and refused (a 4xx), else
    /// <see cref="StripeProblems.StripeUnreachable"/> (no answer, a timeout, a 5xx): the call may be tried again.
    /// </summary>
    public static string Problem(Exception exception) =>
        exception is StripeException { HttpStatusCode: >= (System.Net.HttpStatusCode)400 and < (System.Net.HttpStatusCode)500 }
            ? StripeProblems.StripeError
            : StripeProblems.StripeUnreachable;

    /// <summary>True for the failures of a call to Stripe (refused, unreachable, timed out), which the store reports instead of failing.</summary>
    public static bool IsStripeFailure(Exception exception) =>
        exception is StripeException or HttpRequestException or TaskCanceledException;
}

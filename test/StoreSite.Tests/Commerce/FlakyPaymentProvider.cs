using CP.Commerce.Events;
using CP.Commerce.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>
/// The Test payment provider behind an unreliable network: a charge can fail before it reaches the
/// provider, or after the provider took the money (the answer is lost); a void or a refund can fail to reach it.
/// </summary>
public sealed class FlakyPaymentProvider(TestPaymentProvider inner) : IPaymentProvider
{
    public enum Fault
    {
        None,
        ChargeUnreachable,
        ChargeAnswerLost,
        VoidUnreachable,
        VoidRefused,
        RefundUnreachable,
    }

    public Fault Next { get; set; }

    /// <summary>A site whose payment provider sits behind a <see cref="FlakyPaymentProvider"/>.</summary>
    public static (TestSite Site, FlakyPaymentProvider Payments) StartSite(RecordingOrderEvents? events = null, Action<TestSiteOptions>? configure = null)
    {
        FlakyPaymentProvider? flaky = null;
        var site = TestSite.Start(o =>
        {
            configure?.Invoke(o);
            o.Services = s =>
            {
                s.RemoveAll<IPaymentProvider>();
                s.AddSingleton<IPaymentProvider>(sp => flaky = new FlakyPaymentProvider(sp.GetRequiredService<TestPaymentProvider>()));
                if (events is not null)
                {
                    s.AddSingleton<IOrderEvents>(events);
                }
            };
        });
        _ = site.Services.GetServices<IPaymentProvider>().ToList();
        return (site, flaky ?? throw new InvalidOperationException("The flaky provider was not created."));
    }

    public TestPaymentProvider Inner => inner;

    public string Name => inner.Name;

    public string DisplayName => inner.DisplayName;

    public bool IsTestMode => inner.IsTestMode;

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        switch (Next)
        {
            case Fault.ChargeUnreachable:
                throw new HttpRequestException("Connection refused (payments.example)");
            case Fault.ChargeAnswerLost:
                await inner.ChargeAsync(request, cancellationToken);
                throw new TaskCanceledException("The payment provider did not answer within 30 seconds.");
            default:
                return await inner.ChargeAsync(request, cancellationToken);
        }
    }

    public Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        Next == Fault.RefundUnreachable
            ? throw new HttpRequestException("Connection refused (payments.example)")
            : inner.RefundAsync(request, cancellationToken);

    public Task<VoidResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken) => Next switch
    {
        Fault.VoidUnreachable => throw new HttpRequestException("Connection refused (payments.example)"),
        Fault.VoidRefused => Task.FromResult(VoidResult.Refused("Payments under review cannot be voided.")),
        _ => inner.VoidAsync(request, cancellationToken),
    };
}

using CP.Payments.Stripe.Settings;
using Stripe;
using StoreSite;

namespace CP.Payments.Stripe.Services;

/// <summary>"Test connection" in Admin -> Payments: <c>GET /v1/account</c> with the secret key in use; answers the account id or Stripe's error.</summary>
public sealed class StripeConnectionTest(StripeSettingsStore settings, StripeClients clients)
{
    public async Task<Outcome<string>> TestAsync(CancellationToken cancellationToken)
    {
        var keys = await settings.GetKeysAsync(cancellationToken);
        if (keys.SecretKey is null)
        {
            return Outcome<string>.Refused(StripeSettingsProblems.NoSecretKey);
        }

        try
        {
            var account = await new AccountService(clients.Create(keys.SecretKey)).GetSelfAsync(cancellationToken: cancellationToken);
            return Outcome<string>.Done(account.Id);
        }
        catch (Exception ex) when (StripeErrors.IsStripeFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            return Outcome<string>.Refused(StripeSettingsProblems.StripeError, detail: StripeErrors.Describe(ex));
        }
    }
}

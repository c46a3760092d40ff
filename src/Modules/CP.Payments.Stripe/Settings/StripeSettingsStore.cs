using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using StoreSite;
using StoreSite.Settings;

namespace CP.Payments.Stripe.Settings;

/// <summary>
/// Reads and changes the Stripe keys. Secrets are stored protected with Data Protection and never
/// handed back to a page; the keys in use come from configuration first, then from the stored ones.
/// </summary>
public sealed partial class StripeSettingsStore(ISiteSettingsStore store, IDataProtectionProvider protection, IOptions<StripeOptions> options)
{
    /// <summary>The longest key accepted (Stripe's keys are far shorter).</summary>
    public const int MaxKeyLength = 255;

    private const string Purpose = "CP.Payments.Stripe.Settings";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>The keys in use now.</summary>
    public async Task<StripeKeys> GetKeysAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync<StripeSettings>(StripeSettings.Section, cancellationToken);
        var configured = options.Value;
        var (secret, secretSource) = Pick(configured.SecretKey, Unprotect(stored.ProtectedSecretKey));
        var (publishable, publishableSource) = Pick(configured.PublishableKey, stored.PublishableKey);
        var (webhook, webhookSource) = Pick(configured.WebhookSecret, Unprotect(stored.ProtectedWebhookSecret));
        return new StripeKeys(secret, secretSource, publishable, publishableSource, webhook, webhookSource);
    }

    /// <summary>Stores the changed keys; refuses a key of the wrong shape (nothing is saved then).</summary>
    public async Task<Outcome> ChangeAsync(StripeSettingsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var secret = Normalize(change.SecretKey);
        var publishable = Normalize(change.PublishableKey);
        var webhook = Normalize(change.WebhookSecret);
        if (secret is not null && !IsSecretKey(secret))
        {
            return Outcome.Refused(StripeSettingsProblems.SecretKeyShape, nameof(change.SecretKey));
        }

        if (publishable is not null && !IsPublishableKey(publishable))
        {
            return Outcome.Refused(StripeSettingsProblems.PublishableKeyShape, nameof(change.PublishableKey));
        }

        if (webhook is not null && !IsWebhookSecret(webhook))
        {
            return Outcome.Refused(StripeSettingsProblems.WebhookSecretShape, nameof(change.WebhookSecret));
        }

        var stored = await store.GetAsync<StripeSettings>(StripeSettings.Section, cancellationToken);
        if (change.ClearSecretKey)
        {
            stored.ProtectedSecretKey = null;
        }

        if (change.ClearWebhookSecret)
        {
            stored.ProtectedWebhookSecret = null;
        }

        if (secret is not null)
        {
            stored.ProtectedSecretKey = Protector.Protect(secret);
        }

        if (publishable is not null)
        {
            stored.PublishableKey = publishable;
        }

        if (webhook is not null)
        {
            stored.ProtectedWebhookSecret = Protector.Protect(webhook);
        }

        await store.SaveAsync(StripeSettings.Section, stored, cancellationToken);
        return Outcome.Done;
    }

    public static bool IsSecretKey(string value) => value.Length <= MaxKeyLength && SecretKeyPattern().IsMatch(value);

    public static bool IsPublishableKey(string value) => value.Length <= MaxKeyLength && PublishableKeyPattern().IsMatch(value);

    public static bool IsWebhookSecret(string value) => value.Length <= MaxKeyLength && WebhookSecretPattern().IsMatch(value);

    private static (string? Value, StripeKeySource Source) Pick(string? configured, string? stored) =>
        !string.IsNullOrWhiteSpace(configured) ? (configured.Trim(), StripeKeySource.Configuration)
        : stored is not null ? (stored, StripeKeySource.Stored)
        : (null, StripeKeySource.None);

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The stored secret, or null when none is stored or it cannot be read any more (the keys that protected it are gone).</summary>
    private string? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return Protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    [GeneratedRegex("^(sk|rk)_[A-Za-z0-9_]{8,}$")]
    private static partial Regex SecretKeyPattern();

    [GeneratedRegex("^pk_[A-Za-z0-9_]{8,}$")]
    private static partial Regex PublishableKeyPattern();

    [GeneratedRegex("^whsec_[A-Za-z0-9+/=_]{8,}$")]
    private static partial Regex WebhookSecretPattern();
}

using System.Security.Cryptography;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace CP.Licensing.Settings;

/// <summary>
/// Reads and changes the licensing settings (prefix and signing secret) in the scope's transaction.
/// Neither can change once a key exists: every key already handed out would stop verifying.
/// </summary>
public sealed class LicensingSettingsStore(ISiteSettingsStore store, LicensingDbContext db, LicensingSettingsCache cache)
{
    /// <summary>Secrets shorter than this are refused (the HMAC key is 256 bits).</summary>
    public const int MinSecretBytes = 32;

    public const int MaxSecretBytes = 128;

    public Task<LicensingSettings> GetAsync(CancellationToken cancellationToken) =>
        store.GetAsync<LicensingSettings>(LicensingSettings.Section, cancellationToken);

    /// <summary>The prefix and secret to sign new keys with; generates the secret if the site has none yet.</summary>
    public async Task<LicenseKeyMaterial> GetKeyMaterialAsync(CancellationToken cancellationToken)
    {
        var settings = await EnsureSecretAsync(cancellationToken);
        return LicenseKeyMaterial.From(settings);
    }

    /// <summary>Generates and stores a secret and an answer-signing key when none is stored (setup, or a site older than them).</summary>
    public async Task<LicensingSettings> EnsureSecretAsync(CancellationToken cancellationToken)
    {
        var settings = await GetAsync(cancellationToken);
        if (DecodeSecret(settings.SigningSecret) is not null && LicenseKeys.IsValidPrefix(settings.KeyPrefix) && ResponseSigningKey.IsValidSeed(settings.ResponseSigningKey))
        {
            return settings;
        }

        if (!LicenseKeys.IsValidPrefix(settings.KeyPrefix))
        {
            settings.KeyPrefix = LicensingSettings.DefaultPrefix;
        }

        if (DecodeSecret(settings.SigningSecret) is null)
        {
            settings.SigningSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinSecretBytes));
        }

        if (!ResponseSigningKey.IsValidSeed(settings.ResponseSigningKey))
        {
            settings.ResponseSigningKey = ResponseSigningKey.NewSeed();
        }

        await store.SaveAsync(LicensingSettings.Section, settings, cancellationToken);
        cache.Invalidate();
        return settings;
    }

    /// <summary>True when at least one license key exists (then the settings are frozen).</summary>
    public Task<bool> AnyKeyExistsAsync(CancellationToken cancellationToken) => db.Licenses.AnyAsync(cancellationToken);

    /// <summary>
    /// Sets the prefix, the secret and/or the answer-signing key (null leaves a value as it is).
    /// Returns the problem in words, keyed by what is wrong (<c>keyPrefix</c>, <c>signingSecret</c>
    /// or <c>responseSigningKey</c>), or null when saved. None can change once license keys exist:
    /// keys handed out would stop verifying, and installed products embed the public key.
    /// </summary>
    public async Task<(string Field, string Problem)?> ChangeAsync(string? keyPrefix, string? signingSecret, string? responseSigningKey, CancellationToken cancellationToken)
    {
        var settings = await GetAsync(cancellationToken);
        var prefix = keyPrefix?.Trim().ToUpperInvariant();
        if (prefix is not null && !LicenseKeys.IsValidPrefix(prefix))
        {
            return ("keyPrefix", "must be 1 to 12 letters or digits.");
        }

        byte[]? secret = null;
        if (signingSecret is not null)
        {
            secret = DecodeSecret(signingSecret.Trim());
            if (secret is null)
            {
                return ("signingSecret", $"must be base64 of {MinSecretBytes} to {MaxSecretBytes} bytes.");
            }
        }

        var seed = responseSigningKey?.Trim();
        if (seed is not null && !ResponseSigningKey.IsValidSeed(seed))
        {
            return ("responseSigningKey", $"must be base64 of the {ResponseSigningKey.KeyLength}-byte Ed25519 private seed.");
        }

        var prefixChanges = prefix is not null && prefix != settings.KeyPrefix;
        var secretChanges = secret is not null && !secret.AsSpan().SequenceEqual(DecodeSecret(settings.SigningSecret) ?? []);
        var seedChanges = seed is not null && !string.Equals(Convert.ToBase64String(Convert.FromBase64String(seed)), settings.ResponseSigningKey, StringComparison.Ordinal);
        if (!prefixChanges && !secretChanges && !seedChanges)
        {
            return null;
        }

        if (await AnyKeyExistsAsync(cancellationToken))
        {
            return prefixChanges ? ("keyPrefix", "cannot change once license keys exist.")
                : secretChanges ? ("signingSecret", "cannot change once license keys exist.")
                : ("responseSigningKey", "cannot change once license keys exist.");
        }

        if (prefixChanges)
        {
            settings.KeyPrefix = prefix!;
        }

        if (secretChanges)
        {
            settings.SigningSecret = Convert.ToBase64String(secret!);
        }

        if (seedChanges)
        {
            settings.ResponseSigningKey = Convert.ToBase64String(Convert.FromBase64String(seed!));
        }

        await store.SaveAsync(LicensingSettings.Section, settings, cancellationToken);
        cache.Invalidate();
        return null;
    }

    /// <summary>
    /// Sets the development domains and/or the most development environments per key (null leaves a
    /// value as it is; patterns that are the defaults are stored as null, so later defaults apply).
    /// Returns the problem keyed by <c>developmentDomains</c> or <c>maxDevelopmentSites</c>, or null when saved.
    /// May change at any time: every node reads the policy again within <see cref="LicensingSettingsCache.UnfrozenLifetime"/>.
    /// </summary>
    public async Task<(string Field, string Problem)?> ChangeDevelopmentAsync(IEnumerable<string>? developmentDomains, int? maxDevelopmentSites, CancellationToken cancellationToken)
    {
        DevelopmentDomains? domains = null;
        if (developmentDomains is not null)
        {
            domains = DevelopmentDomains.Parse(developmentDomains, out var error);
            if (domains is null)
            {
                return ("developmentDomains", error!);
            }
        }

        if (maxDevelopmentSites is { } max && max is < 1 or > MaxDevelopmentSitesLimit)
        {
            return ("maxDevelopmentSites", $"must be between 1 and {MaxDevelopmentSitesLimit}.");
        }

        var settings = await GetAsync(cancellationToken);
        if (domains is not null)
        {
            settings.DevelopmentDomains = domains.Patterns.SequenceEqual(DevelopmentDomains.Defaults, StringComparer.Ordinal) ? null : [.. domains.Patterns];
        }

        if (maxDevelopmentSites is { } sites)
        {
            settings.MaxDevelopmentSites = sites;
        }

        await store.SaveAsync(LicensingSettings.Section, settings, cancellationToken);
        cache.Invalidate();
        return null;
    }

    /// <summary>The most development environments per key a site may allow.</summary>
    public const int MaxDevelopmentSitesLimit = 1000;

    /// <summary>The most reminder days a site may set, and how far from the expiry one may be.</summary>
    public const int MaxReminderDays = 6;

    public const int ReminderDaysRange = 365;

    /// <summary>
    /// Sets when renewal reminders go out (days before the expiry, negative after; empty: none).
    /// Returns the problem keyed <c>renewalReminderDays</c>, or null when saved.
    /// </summary>
    public async Task<(string Field, string Problem)?> ChangeRemindersAsync(IReadOnlyList<int> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (ReminderDaysProblem(days) is { } problem)
        {
            return ("renewalReminderDays", problem);
        }

        var settings = await GetAsync(cancellationToken);
        var sorted = days.OrderDescending().ToList();
        settings.RenewalReminderDays = sorted.SequenceEqual(LicensingSettings.DefaultRenewalReminderDays) ? null : sorted;
        await store.SaveAsync(LicensingSettings.Section, settings, cancellationToken);
        cache.Invalidate();
        return null;
    }

    /// <summary>What is wrong with a list of reminder days, in words; null when it can be saved.</summary>
    public static string? ReminderDaysProblem(IReadOnlyList<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count > MaxReminderDays)
        {
            return $"can hold at most {MaxReminderDays} days.";
        }

        if (days.Any(d => d is < -ReminderDaysRange or > ReminderDaysRange))
        {
            return $"must each be between -{ReminderDaysRange} and {ReminderDaysRange} (days before the expiry; negative after it).";
        }

        return days.Distinct().Count() != days.Count ? "must not name a day twice." : null;
    }

    /// <summary>The secret's bytes, or null when <paramref name="base64"/> is not base64 of an acceptable length.</summary>
    public static byte[]? DecodeSecret(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64) || base64.Length > MaxSecretBytes * 2)
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) && length is >= MinSecretBytes and <= MaxSecretBytes
            ? buffer[..length]
            : null;
    }
}

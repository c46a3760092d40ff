using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Settings;

namespace CP.Licensing.Settings;

/// <summary>
/// What the licensing API reads on every call, held in memory (singleton): the prefix and secret
/// keys are checked with, the key that signs answers, and the development-environment policy.
/// The key material and the signing key can never change once a license key exists, so they are
/// kept for good; before that (a recipe may still set them, on any node) they are read again after
/// <see cref="UnfrozenLifetime"/>. The development policy may change at any time: it is read again
/// after that lifetime always.
/// </summary>
public sealed class LicensingSettingsCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan UnfrozenLifetime = TimeSpan.FromSeconds(10);

    private readonly Lock _signerLock = new();
    private volatile Entry? _entry;

    public ValueTask<LicenseKeyMaterial> GetAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        return entry is not null && (entry.Frozen || IsRecent(entry))
            ? ValueTask.FromResult(entry.Material)
            : LoadMaterialAsync(cancellationToken);
    }

    /// <summary>The key that signs answers (generated and stored first if the site has none yet).</summary>
    public ValueTask<ResponseSigningKey> GetResponseSigningKeyAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        return entry is not null && (entry.Frozen || IsRecent(entry))
            ? ValueTask.FromResult(entry.Signer)
            : LoadSignerAsync(cancellationToken);
    }

    public ValueTask<DevelopmentPolicy> GetDevelopmentPolicyAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        return entry is not null && IsRecent(entry)
            ? ValueTask.FromResult(entry.Development)
            : LoadDevelopmentAsync(cancellationToken);
    }

    /// <summary>Forgets what is held (this node changed the settings).</summary>
    public void Invalidate() => _entry = null;

    public void Dispose() => _entry?.Signer.Dispose();

    private bool IsRecent(Entry entry) => clock.GetUtcNow() < entry.ReadAt + UnfrozenLifetime;

    private async ValueTask<LicenseKeyMaterial> LoadMaterialAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Material;

    private async ValueTask<ResponseSigningKey> LoadSignerAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Signer;

    private async ValueTask<DevelopmentPolicy> LoadDevelopmentAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Development;

    private async Task<Entry> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteSettingsStore>()
            .GetAsync<LicensingSettings>(LicensingSettings.Section, cancellationToken);
        if (!ResponseSigningKey.IsValidSeed(settings.ResponseSigningKey))
        {
            // A site set up before answers were signed: make its key once (every node reads it back).
            settings = await scope.ServiceProvider.GetRequiredService<LicensingSettingsStore>().EnsureSecretAsync(cancellationToken);
        }

        var material = LicenseKeyMaterial.From(settings);
        var frozen = material.HasSecret
            && await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Licenses.AnyAsync(cancellationToken);
        var development = new DevelopmentPolicy(
            settings.DevelopmentDomains is { } patterns ? DevelopmentDomains.Parse(patterns, out _) ?? DevelopmentDomains.Default : DevelopmentDomains.Default,
            settings.MaxDevelopmentSites);
        var entry = new Entry(material, SignerFor(settings.ResponseSigningKey), settings.ResponseSigningKey, development, frozen, clock.GetUtcNow());
        _entry = entry;
        return entry;
    }

    // The same seed keeps the same key object (it holds native memory; a new one per reload would churn).
    private ResponseSigningKey SignerFor(string seed)
    {
        lock (_signerLock)
        {
            var current = _entry;
            return current is not null && string.Equals(current.Seed, seed, StringComparison.Ordinal)
                ? current.Signer
                : ResponseSigningKey.FromSeed(seed);
        }
    }

    private sealed record Entry(LicenseKeyMaterial Material, ResponseSigningKey Signer, string Seed, DevelopmentPolicy Development, bool Frozen, DateTimeOffset ReadAt);
}

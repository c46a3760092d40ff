using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Settings;

namespace CP.Licensing.Settings;

/// <summary>
/// The prefix and secret the Verify hot path checks keys with, held in memory (singleton). Once a
/// key exists they can never change, so they are kept for good; before that (a recipe may still set
/// them, on any node) they are read again after <see cref="UnfrozenLifetime"/>.
/// </summary>
public sealed class LicensingSettingsCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan UnfrozenLifetime = TimeSpan.FromSeconds(10);

    private volatile Entry? _entry;

    public ValueTask<LicenseKeyMaterial> GetAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        return entry is not null && (entry.Frozen || clock.GetUtcNow() < entry.ReadAt + UnfrozenLifetime)
            ? ValueTask.FromResult(entry.Material)
            : LoadAsync(cancellationToken);
    }

    /// <summary>Forgets what is held (this node changed the settings).</summary>
    public void Invalidate() => _entry = null;

    private async ValueTask<LicenseKeyMaterial> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteSettingsStore>()
            .GetAsync<LicensingSettings>(LicensingSettings.Section, cancellationToken);
        var material = LicenseKeyMaterial.From(settings);
        var frozen = material.HasSecret
            && await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Licenses.AnyAsync(cancellationToken);
        _entry = new Entry(material, frozen, clock.GetUtcNow());
        return material;
    }

    private sealed record Entry(LicenseKeyMaterial Material, bool Frozen, DateTimeOffset ReadAt);
}

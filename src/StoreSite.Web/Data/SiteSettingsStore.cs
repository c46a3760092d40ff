using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StoreSite.Settings;

namespace StoreSite.Web.Data;

/// <summary>Site settings as JSON rows of the <c>SiteSettings</c> table, read and written in the scope's transaction.</summary>
public sealed class SiteSettingsStore(StoreSiteDbContext db, TimeProvider clock) : ISiteSettingsStore
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(string section, CancellationToken cancellationToken)
        where T : class, new()
    {
        var json = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Section == section)
            .Select(s => s.Json)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? new T() : JsonSerializer.Deserialize<T>(json, JsonOptions) ?? new T();
    }

    public async Task SaveAsync<T>(string section, T settings, CancellationToken cancellationToken)
        where T : class
    {
        var json = JsonSerializer.Serialize(settings, JsonOptions);
        var record = await db.SiteSettings.FirstOrDefaultAsync(s => s.Section == section, cancellationToken);
        if (record is null)
        {
            db.SiteSettings.Add(new SiteSettingRecord { Section = section, Json = json, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            record.Json = json;
            record.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

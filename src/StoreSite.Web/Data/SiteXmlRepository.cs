using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using StoreSite.Web.Hosting;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Data;

/// <summary>
/// Stores Data Protection keys in the site database, so every web node decrypts the others'
/// cookies. Before the site is set up there is no database yet: keys live under
/// <c>&lt;AppData&gt;/keys</c> and setup copies them into the database.
/// </summary>
public sealed class SiteXmlRepository(IServiceScopeFactory scopes, SiteState siteState, AppDataPaths paths) : IXmlRepository
{
    private FileSystemXmlRepository PreSetup => new(new DirectoryInfo(paths.PreSetupKeys), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!siteState.IsSetUp)
        {
            return PreSetup.GetAllElements();
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreSiteDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (!siteState.IsSetUp)
        {
            PreSetup.StoreElement(element, friendlyName);
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreSiteDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>Copies the keys made before setup into the new database (setup's last step).</summary>
    public async Task CopyPreSetupKeysAsync(StoreSiteDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken);
        foreach (var element in PreSetup.GetAllElements())
        {
            var friendlyName = element.Attribute("id")?.Value is { } id ? "key-" + id : Guid.NewGuid().ToString("N");
            if (!existing.Contains(friendlyName))
            {
                db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

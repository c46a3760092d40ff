using System.Buffers;
using System.Globalization;
using CP.Commerce.Catalog;
using CP.Downloads.Data;
using CP.Downloads.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoreSite;
using StoreSite.Files;
using StoreSite.Versions;

namespace CP.Downloads.Releases;

/// <summary>
/// Creates a release: checks the version (SemVer, unique by precedence per product), the notes and
/// the file's name, streams the file into the <see cref="IFileStore"/> (stopping at the upload
/// limit), then inserts the row. A refusal leaves nothing stored.
/// </summary>
public sealed partial class ReleaseUploads(
    DownloadsDbContext db,
    IFileStore files,
    IProductCatalog catalog,
    IOptions<FilesOptions> options,
    TimeProvider clock,
    ILogger<ReleaseUploads> logger)
{
    private static readonly SearchValues<char> PathCharacters = SearchValues.Create("/\\:*?\"<>|");

    public async Task<Outcome<Release>> CreateAsync(ReleaseUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var refusal = Check(upload, out var version, out var fileName);
        if (refusal is { } refused)
        {
            return refused;
        }

        if (await catalog.FindProductAsync(upload.ProductId, cancellationToken) is null)
        {
            return Outcome.Refused(ReleaseProblems.ProductNotFound);
        }

        if (await IsTakenAsync(upload.ProductId, version, cancellationToken))
        {
            return Outcome.Refused(ReleaseProblems.VersionTaken, ReleaseProblems.FieldVersion);
        }

        var storedName = $"releases/{upload.ProductId}/{Guid.NewGuid():n}";
        var max = options.Value.MaxUploadBytes;
        StoredFile stored;
        try
        {
            await using var limited = new LengthLimitedStream(upload.Content!, max);
            stored = await files.PutAsync(storedName, limited, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return Outcome.Refused(ReleaseProblems.FileTooLarge, ReleaseProblems.FieldFile, options.Value.MaxUploadMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (stored.Length == 0)
        {
            await files.DeleteAsync(storedName, CancellationToken.None);
            return Outcome.Refused(ReleaseProblems.FileEmpty, ReleaseProblems.FieldFile);
        }

        var now = clock.GetUtcNow();
        var release = new Release
        {
            ProductId = upload.ProductId,
            Version = version.Text,
            VersionMajor = version.Major,
            VersionMinor = version.Minor,
            VersionPatch = version.Patch,
            IsPreRelease = version.IsPreRelease,
            Notes = upload.Notes?.Trim() ?? string.Empty,
            FileName = fileName,
            StoredName = stored.Name,
            Size = stored.Length,
            Sha256 = stored.Sha256,
            IsPublished = upload.Published,
            PublishedAt = upload.Published ? now : null,
            CreatedAt = now,
        };
        db.Releases.Add(release);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another upload of the same version won the unique index; its file stays, this one goes.
            db.Entry(release).State = EntityState.Detached;
            await files.DeleteAsync(storedName, CancellationToken.None);
            return Outcome.Refused(ReleaseProblems.VersionTaken, ReleaseProblems.FieldVersion);
        }

        Log.Created(logger, release.ProductId, release.Version, release.Size);
        return Outcome<Release>.Done(release);
    }

    /// <summary>The checks that need neither the database nor the file's content.</summary>
    internal static Outcome? Check(ReleaseUpload upload, out SemanticVersion version, out string fileName)
    {
        ArgumentNullException.ThrowIfNull(upload);
        version = null!;
        fileName = upload.FileName?.Trim() ?? string.Empty;
        var text = upload.Version?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Outcome.Refused(ReleaseProblems.VersionRequired, ReleaseProblems.FieldVersion);
        }

        if (!SemanticVersion.TryParse(text, out version))
        {
            return Outcome.Refused(ReleaseProblems.VersionNotSemVer, ReleaseProblems.FieldVersion);
        }

        if (upload.Notes?.Length > ReleaseConfiguration.NotesMaxLength)
        {
            return Outcome.Refused(ReleaseProblems.NotesTooLong, ReleaseProblems.FieldNotes);
        }

        if (upload.Content is null)
        {
            return Outcome.Refused(ReleaseProblems.FileRequired, ReleaseProblems.FieldFile);
        }

        if (!IsFileName(fileName))
        {
            return Outcome.Refused(ReleaseProblems.FileNameInvalid, ReleaseProblems.FieldFile);
        }

        return null;
    }

    /// <summary>
    /// A plain file name: 1 to 200 characters, no path separators, no control or format characters (a
    /// right-to-left override would make <c>evil\u202Egpj.exe</c> read as <c>evilexe.jpg</c>), not dots only.
    /// </summary>
    internal static bool IsFileName(string name) =>
        name.Length is > 0 and <= ReleaseConfiguration.FileNameMaxLength
        && !name.AsSpan().ContainsAny(PathCharacters)
        && !name.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
        && !name.AsSpan().Trim('.').IsEmpty;

    private async Task<bool> IsTakenAsync(int productId, SemanticVersion version, CancellationToken cancellationToken)
    {
        var sameNumbers = await db.Releases.AsNoTracking()
            .Where(r => r.ProductId == productId && r.VersionMajor == version.Major && r.VersionMinor == version.Minor && r.VersionPatch == version.Patch)
            .Select(r => r.Version)
            .ToListAsync(cancellationToken);
        return sameNumbers.Any(v => SemanticVersion.TryParse(v, out var existing) && existing == version);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Release {Version} of product {ProductId} stored ({Size} bytes)")]
        public static partial void Created(ILogger logger, int productId, string version, long size);
    }
}

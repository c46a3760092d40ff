using CP.Commerce.Data;
using CP.Commerce.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Files;

namespace CP.Commerce.Images;

/// <summary>
/// A product's image: stores the renditions <see cref="ProductImageEncoder"/> makes in the
/// <see cref="IFileStore"/> (the releases' storage: a folder or an S3 bucket) under
/// <c>products/{id}/image-{version}-{card|page}.webp</c>, records the version on the product with a
/// conditional update (the version it read must still be there), then removes the files it replaced.
/// A refusal leaves nothing stored and the product as it was.
/// </summary>
public sealed partial class ProductImages(CommerceDbContext db, IFileStore files, ILogger<ProductImages> logger)
{
    public static string StoredName(int productId, string version, ProductImageSize size) =>
        $"products/{productId}/image-{version}-{size.ToString().ToLowerInvariant()}.webp";

    /// <summary>Stores a new image (and its text alternative), or with no content changes only the text alternative of the image there is.</summary>
    public async Task<Outcome<string>> SaveAsync(ProductImageUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var alt = ProductSummaryText.Clean(upload.Alt);
        if (alt.Length > ProductConfiguration.ImageAltLength)
        {
            return Outcome.Refused(ProductImageProblems.AltTooLong, ProductImageProblems.FieldAlt);
        }

        var current = await db.Products.AsNoTracking().Where(p => p.Id == upload.ProductId).Select(p => new { p.ImageVersion }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return Outcome.Refused(ProductImageProblems.ProductNotFound);
        }

        if (upload.Content is null)
        {
            if (current.ImageVersion is not { } kept)
            {
                return Outcome.Refused(ProductImageProblems.Required, ProductImageProblems.FieldImage);
            }

            await db.Products.Where(p => p.Id == upload.ProductId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ImageAlt, alt), cancellationToken);
            return Outcome<string>.Done(kept);
        }

        var content = await ReadLimitedAsync(upload.Content, cancellationToken);
        if (content is null)
        {
            return Outcome.Refused(ProductImageProblems.TooLarge, ProductImageProblems.FieldImage);
        }

        var encoded = ProductImageEncoder.Encode(content);
        if (!encoded.Succeeded)
        {
            return encoded.WithoutValue();
        }

        var image = encoded.Value!;
        var old = current.ImageVersion;
        foreach (var size in Enum.GetValues<ProductImageSize>())
        {
            using var stream = new MemoryStream(image.Bytes(size), writable: false);
            await files.PutAsync(StoredName(upload.ProductId, image.Version, size), stream, cancellationToken);
        }

        var changed = await db.Products.Where(p => p.Id == upload.ProductId && p.ImageVersion == old).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.ImageVersion, image.Version).SetProperty(p => p.ImageWidth, image.Width).SetProperty(p => p.ImageHeight, image.Height).SetProperty(p => p.ImageAlt, alt),
            cancellationToken);
        if (changed == 0)
        {
            if (image.Version != old)
            {
                await DeleteFilesAsync(upload.ProductId, image.Version);
            }

            return Outcome.Refused(ProductImageProblems.Changed, ProductImageProblems.FieldImage);
        }

        if (old is not null && old != image.Version)
        {
            await DeleteFilesAsync(upload.ProductId, old);
        }

        Log.Stored(logger, upload.ProductId, image.Version, image.Width, image.Height);
        return Outcome<string>.Done(image.Version);
    }

    /// <summary>Removes the product's image and its files; a product without one is left as it is.</summary>
    public async Task<Outcome> RemoveAsync(int productId, CancellationToken cancellationToken)
    {
        var current = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.ImageVersion }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return Outcome.Refused(ProductImageProblems.ProductNotFound);
        }

        if (current.ImageVersion is not { } old)
        {
            return Outcome.Done;
        }

        var changed = await db.Products.Where(p => p.Id == productId && p.ImageVersion == old).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.ImageVersion, (string?)null).SetProperty(p => p.ImageWidth, 0).SetProperty(p => p.ImageHeight, 0).SetProperty(p => p.ImageAlt, string.Empty),
            cancellationToken);
        if (changed == 0)
        {
            return Outcome.Refused(ProductImageProblems.Changed, ProductImageProblems.FieldImage);
        }

        await DeleteFilesAsync(productId, old);
        return Outcome.Done;
    }

    /// <summary>The rendition's content when <paramref name="version"/> is the product's image now; otherwise null.</summary>
    public async Task<Stream?> OpenAsync(int productId, string version, ProductImageSize size, CancellationToken cancellationToken)
    {
        if (version.Length != ProductImageRenditions.VersionLength || !await db.Products.AsNoTracking().AnyAsync(p => p.Id == productId && p.ImageVersion == version, cancellationToken))
        {
            return null;
        }

        try
        {
            return await files.OpenReadAsync(StoredName(productId, version, size), 0, null, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes the files of one version (a recipe undoing what it stored, an upload undoing its own).</summary>
    public async Task DeleteFilesAsync(int productId, string version)
    {
        foreach (var size in Enum.GetValues<ProductImageSize>())
        {
            await files.DeleteAsync(StoredName(productId, version, size), CancellationToken.None);
        }
    }

    /// <summary>The content, or null when it is longer than <see cref="ProductImageLimits.MaxBytes"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ProductImageLimits.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Image {Version} of product {ProductId} stored ({Width} x {Height})")]
        public static partial void Stored(ILogger logger, int productId, string version, int width, int height);
    }
}

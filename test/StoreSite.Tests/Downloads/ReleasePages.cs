using System.Net.Http.Headers;
using System.Text;
using CP.Commerce.Catalog;
using CP.Downloads.Data;
using CP.Downloads.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Files;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Downloads;

/// <summary>Arranges and reads releases through the site: the admin's upload form, the releases table, the file store.</summary>
internal static class ReleasePages
{
    public const string UploadForm = "form.release-form";

    public static string Url(int productId) => $"/admin/products/{productId}/releases";

    public static Task<int> ProductIdAsync(TestSite site, string slug) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<IProductCatalog>().FindProductIdAsync(slug, CancellationToken.None))!.Value);

    /// <summary>
    /// Posts the upload form as a browser does (multipart, the form's antiforgery token); a null
    /// <paramref name="content"/> sends no file part, a null <paramref name="version"/> no version field.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient admin,
        int productId,
        string? version,
        byte[]? content,
        string fileName = "release.zip",
        string? notes = null,
        bool published = true,
        bool withToken = true,
        bool unknownLength = false)
    {
        var page = await admin.GetDocumentAsync(Url(productId));
        var form = page.QuerySelector(UploadForm) ?? throw new InvalidOperationException("No upload form.");
        using var body = new MultipartFormDataContent();
        if (withToken)
        {
            body.Add(Text(form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken");
        }

        if (version is not null)
        {
            body.Add(Text(version), "version");
        }

        body.Add(Text(notes ?? string.Empty), "notes");
        if (published)
        {
            body.Add(Text("true"), "published");
        }

        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            // Written by hand so that a hostile name reaches the server as given (no quoting or escaping by the client).
            file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName}\"");
            body.Add(file);
        }

        if (unknownLength)
        {
            using var streamed = new UnknownLengthContent(body);
            return await admin.PostAsync(form.GetAttribute("action"), streamed);
        }

        return await admin.PostAsync(form.GetAttribute("action"), body);
    }

    public static byte[] Bytes(int length, byte seed = 7)
    {
        var bytes = new byte[length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(seed + (i * 31));
        }

        return bytes;
    }

    public static Task<List<Release>> ReleasesAsync(TestSite site, int productId) =>
        site.InScopeAsync(sp => sp.GetRequiredService<DownloadsDbContext>().Releases.AsNoTracking()
            .Where(r => r.ProductId == productId).OrderBy(r => r.Id).ToListAsync());

    public static Task<List<Release>> AllReleasesAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<DownloadsDbContext>().Releases.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    /// <summary>The stored file's bytes, read through the site's <see cref="IFileStore"/>; null when there is none.</summary>
    public static Task<byte[]?> StoredAsync(TestSite site, string storedName) =>
        site.InScopeAsync<byte[]?>(async sp =>
        {
            var files = sp.GetRequiredService<IFileStore>();
            if (!await files.ExistsAsync(storedName, CancellationToken.None))
            {
                return null;
            }

            await using var stream = await files.OpenReadAsync(storedName, 0, null, CancellationToken.None);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        });

    /// <summary>Every file under the file system store's folder (temporary ones included), relative to it.</summary>
    public static List<string> FilesOnDisk(TestSite site)
    {
        var root = Path.Combine(site.AppData, "files");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static StringContent Text(string value)
    {
        var content = new StringContent(value, Encoding.UTF8);
        content.Headers.ContentType = null;
        return content;
    }

    /// <summary>Sends another content without a <c>Content-Length</c> (chunked), as a client streaming a file of unknown size does.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly HttpContent _inner;

        public UnknownLengthContent(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

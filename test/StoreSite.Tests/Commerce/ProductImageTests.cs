using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CP.Commerce.Data;
using CP.Commerce.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;

namespace StoreSite.Tests.Commerce;

/// <summary>A product's image: the editor's upload, replace and remove; the renditions and their URLs; the storefront's cards and page; the recipe's <c>image</c>.</summary>
public sealed class ProductImageTests
{
    private const string ImageForm = "form.product-image-form";

    [Fact]
    public async Task An_uploaded_png_is_stored_as_a_card_and_a_page_rendition_shown_on_the_page_the_catalog_and_the_home_page()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);

        using var uploaded = await UploadAsync(admin, id, TestImages.Png(2000, 1000), "wide.png");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var anonymous = site.CreateClient();
        var page = await anonymous.GetDocumentAsync($"/products/{Store.SiteBuilder}");
        var image = page.QuerySelector("img.product-image")!;
        Assert.Equal("Site Builder Pro", image.GetAttribute("alt"));
        Assert.Equal(("1200", "600"), (image.GetAttribute("width"), image.GetAttribute("height")));
        var card = await GetImageAsync(anonymous, page.QuerySelector("img.product-image")!.GetAttribute("srcset")!.Split(' ')[0]);
        var full = await GetImageAsync(anonymous, image.GetAttribute("src")!);
        Assert.Equal((480, 240), card);
        Assert.Equal((1200, 600), full);

        foreach (var listing in new[] { "/products", "/" })
        {
            var cards = await anonymous.GetDocumentAsync(listing);
            var thumbnail = cards.QuerySelector("article.product-card img.product-card-image")!;
            Assert.Equal("Site Builder Pro", thumbnail.GetAttribute("alt"));
            Assert.Equal(("480", "240"), (thumbnail.GetAttribute("width"), thumbnail.GetAttribute("height")));
            Assert.Equal((480, 240), await GetImageAsync(anonymous, thumbnail.GetAttribute("src")!));
        }
    }

    [Fact]
    public async Task The_image_url_serves_webp_with_an_etag_a_year_of_caching_and_304_when_unchanged()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);
        (await UploadAsync(admin, id, TestImages.Png(800, 600), "photo.png")).Dispose();
        var url = await PageImageUrlAsync(site);
        var anonymous = site.CreateClient();

        using var first = await anonymous.GetAsync(url);
        var tag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(tag);
        using var revalidated = await anonymous.SendAsync(again);
        using var otherVersion = await anonymous.GetAsync(url.Replace("/page.webp", "/huge.webp", StringComparison.Ordinal));
        using var wrongVersion = await anonymous.GetAsync($"/products/{id}/images/0123456789abcdef/page.webp");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/webp", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=31536000", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(first.Headers.CacheControl.Public);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(tag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherVersion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongVersion.StatusCode);
    }

    [Fact]
    public async Task A_small_jpeg_keeps_its_size_its_alt_text_is_shown_and_its_metadata_is_gone()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);
        var jpeg = TestImages.JpegWithMetadata(300, 200);
        Assert.Contains(TestImages.SecretMetadata, Encoding.ASCII.GetString(jpeg), StringComparison.Ordinal);

        using var uploaded = await UploadAsync(admin, id, jpeg, "photo.jpg", alt: "  The editor\r\n with <b>blocks</b>  ");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = await site.CreateClient().GetDocumentAsync($"/products/{Store.SiteBuilder}");
        var image = page.QuerySelector("img.product-image")!;
        Assert.Equal("The editor with <b>blocks</b>", image.GetAttribute("alt"));
        Assert.Equal(("300", "200"), (image.GetAttribute("width"), image.GetAttribute("height")));
        var version = await VersionAsync(site, id);
        foreach (var size in Enum.GetValues<ProductImageSize>())
        {
            var stored = (await StoredAsync(site, ProductImages.StoredName(id, version!, size)))!;
            using var decoded = TestImages.Decode(stored);
            Assert.Equal((300, 200), (decoded.Width, decoded.Height));
            Assert.Equal("RIFF", Encoding.ASCII.GetString(stored, 0, 4));
            Assert.DoesNotContain("secret-location", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_jpeg_s_exif_orientation_is_applied_so_a_portrait_stays_upright()
    {
        var turned = ProductImageEncoder.Encode(TestImages.JpegWithOrientation(300, 200, orientation: 6));

        Assert.True(turned.Succeeded, turned.Problem);
        Assert.Equal((200, 300), (turned.Value!.Width, turned.Value.Height));
        using var page = TestImages.Decode(turned.Value.Page);
        Assert.Equal((200, 300), (page.Width, page.Height));
        var topRight = page.GetPixel(page.Width - 3, 2);
        var bottomLeft = page.GetPixel(2, page.Height - 3);
        Assert.True(topRight.Blue > topRight.Red, $"The top right should be the image's blue top left, is {topRight}.");
        Assert.True(bottomLeft.Red > bottomLeft.Blue, $"The bottom left should be the image's orange bottom right, is {bottomLeft}.");
    }

    [Fact]
    public async Task A_webp_upload_is_taken_whatever_its_name_and_content_type_say()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);

        using var uploaded = await UploadAsync(admin, id, TestImages.Webp(640, 480), "notes.txt", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.NotNull(await VersionAsync(site, id));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "text", "product.png", "This file is not a PNG, JPEG or WebP image. Nothing was stored." },
        { "truncated", "product.png", "This image is damaged or cut short: it cannot be read to its end. Nothing was stored." },
        { "bomb", "product.png", "This image is too big in pixels: at most 25 megapixels and 12,000 pixels a side. Nothing was stored." },
        { "wide-bomb", "product.png", "This image is too big in pixels: at most 25 megapixels and 12,000 pixels a side. Nothing was stored." },
        { "gif", "product.gif", "This file is not a PNG, JPEG or WebP image. Nothing was stored." },
        { "svg", "product.svg", "This file is not a PNG, JPEG or WebP image. Nothing was stored." },
        { "empty", "product.png", "Choose an image file to upload." },
        { "too-large", "product.png", "The image is larger than 8 MB. Save it smaller, e.g. as a JPEG or WebP at most 2400 pixels wide, and upload it again." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_that_is_no_image_the_store_takes_is_refused_next_to_the_field_and_nothing_is_stored(string kind, string fileName, string message)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);
        byte[] content = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("This is a text file with a .png name.\n"),
            "truncated" => TestImages.Truncated(TestImages.Png(600, 400)),
            "bomb" => TestImages.PngClaiming(50_000, 50_000),
            "wide-bomb" => TestImages.PngClaiming(20_000, 10),
            "gif" => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="),
            "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\" width=\"10\" height=\"10\"/>"),
            "empty" => [],
            _ => RandomBytes((int)ProductImageLimits.MaxBytes + 1),
        };

        using var response = await UploadAsync(admin, id, content, fileName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, Html.FieldError(page, "Image"));
        Assert.Null(await VersionAsync(site, id));
        Assert.Empty(StoredImageFiles(site));
    }

    [Fact]
    public async Task A_new_image_replaces_the_old_one_and_remove_takes_it_away_files_and_all()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);
        (await UploadAsync(admin, id, TestImages.Png(1600, 900), "first.png")).Dispose();
        var firstUrl = await PageImageUrlAsync(site);
        var firstVersion = await VersionAsync(site, id);

        using var replaced = await UploadAsync(admin, id, TestImages.Jpeg(1000, 1000), "second.jpg", alt: "Square");
        var secondUrl = await PageImageUrlAsync(site);
        var anonymous = site.CreateClient();
        using var oldUrl = await anonymous.GetAsync(firstUrl);

        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.NotEqual(firstUrl, secondUrl);
        Assert.Equal(HttpStatusCode.NotFound, oldUrl.StatusCode);
        Assert.Equal((1000, 1000), await GetImageAsync(anonymous, secondUrl));
        Assert.Equal(2, StoredImageFiles(site).Count);
        Assert.DoesNotContain(StoredImageFiles(site), f => f.Contains(firstVersion!, StringComparison.Ordinal));

        using var altOnly = await UploadAsync(admin, id, null, null, alt: "A square gradient");
        var editor = await admin.GetDocumentAsync($"/admin/products/{id}");
        Assert.Equal(HttpStatusCode.Redirect, altOnly.StatusCode);
        Assert.Equal("A square gradient", editor.QuerySelector(".product-image-preview img")?.GetAttribute("alt"));
        Assert.Equal(secondUrl, await PageImageUrlAsync(site));

        using var removed = await admin.SubmitFormAsync(editor, "form[action$='/image/remove']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var page = await anonymous.GetDocumentAsync($"/products/{Store.SiteBuilder}");
        using var goneUrl = await anonymous.GetAsync(secondUrl);
        Assert.Null(page.QuerySelector("img.product-image"));
        Assert.Null((await anonymous.GetDocumentAsync("/products")).QuerySelector("img.product-card-image"));
        Assert.Equal(HttpStatusCode.NotFound, goneUrl.StatusCode);
        Assert.Empty(StoredImageFiles(site));
        Assert.Null(await VersionAsync(site, id));
    }

    [Fact]
    public async Task On_postgres_an_image_is_stored_replaced_and_removed()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = TestSite.Start(o => o.PostgresConnectionString = database.ConnectionString);
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);

        using var first = await UploadAsync(admin, id, TestImages.Png(900, 300), "first.png", alt: "Wide");
        var firstVersion = await VersionAsync(site, id);
        using var second = await UploadAsync(admin, id, TestImages.Jpeg(500, 500), "second.jpg");
        var url = await PageImageUrlAsync(site);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.NotEqual(firstVersion, await VersionAsync(site, id));
        Assert.Equal((500, 500), await GetImageAsync(site.CreateClient(), url));
        Assert.Equal(2, StoredImageFiles(site).Count);
        var editor = await admin.GetDocumentAsync($"/admin/products/{id}");
        using var removed = await admin.SubmitFormAsync(editor, "form[action$='/image/remove']", new Dictionary<string, string>());
        Assert.Null(await VersionAsync(site, id));
        Assert.Empty(StoredImageFiles(site));
    }

    [Fact]
    public async Task Saving_only_the_alt_text_of_a_product_without_an_image_asks_for_a_file()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var id = await ProductIdAsync(site);

        using var response = await UploadAsync(admin, id, null, null, alt: "Nothing to describe");
        using var tooLong = await UploadAsync(admin, id, TestImages.Png(10, 10), "a.png", alt: new string('a', 201));

        Assert.Equal("Choose an image file to upload.", Html.FieldError(await Html.ParseAsync(response), "Image"));
        var page = await Html.ParseAsync(tooLong);
        Assert.Equal("The image description must be at most 200 characters.", Html.FieldError(page, "ImageAlt"));
        Assert.Equal(new string('a', 201), page.QuerySelector("input[name='ImageAlt']")?.GetAttribute("value"));
        Assert.Null(await VersionAsync(site, id));
    }

    [Fact]
    public async Task The_products_recipe_step_takes_an_image_relative_to_the_recipe_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "storesite-tests", "recipe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "images", "wizard.png"), TestImages.Png(1300, 650));
        await File.WriteAllBytesAsync(Path.Combine(folder, "images", "broken.png"), TestImages.Truncated(TestImages.Png(300, 300)));
        try
        {
            await using var site = TestSite.Start();

            var done = await RunAsync(site, folder, Product("form-wizard", "images/wizard.png", "A wizard's form"));
            var broken = await RunAsync(site, folder, Product("good-one", "images/wizard.png"), Product("broken-one", "images/broken.png"));
            var escaping = await RunAsync(site, folder, Product("escaping", "../wizard.png"));

            Assert.True(done.Succeeded, done.Error);
            var page = await site.CreateClient().GetDocumentAsync("/products/form-wizard");
            var image = page.QuerySelector("img.product-image")!;
            Assert.Equal(("A wizard's form", "1200", "600"), (image.GetAttribute("alt"), image.GetAttribute("width"), image.GetAttribute("height")));
            Assert.Equal("Step 1 'Products', field 'products[1].image': This image is damaged or cut short: it cannot be read to its end. Nothing was stored.", broken.Error);
            Assert.Equal("Step 1 'Products', field 'products[0].image': '../wizard.png' leaves the recipe's folder.", escaping.Error);
            Assert.Equal(2, StoredImageFiles(site).Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject Product(string slug, string image, string? alt = null)
    {
        var product = new JsonObject { ["name"] = slug, ["slug"] = slug, ["image"] = image, ["plans"] = new JsonArray(new JsonObject { ["name"] = "Only", ["price"] = 5 }) };
        if (alt is not null)
        {
            product["imageAlt"] = alt;
        }

        return product;
    }

    private static Task<RecipeResult> RunAsync(TestSite site, string folder, params JsonObject[] products)
    {
        var recipe = new JsonObject
        {
            ["name"] = "images-test",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "Products", ["products"] = new JsonArray(products.Select(p => (JsonNode)p).ToArray()) }),
        }.ToJsonString();
        return site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, folder, CancellationToken.None));
    }

    /// <summary>Posts the editor's image form as a browser does: multipart, the page's antiforgery token, the file part (none when <paramref name="content"/> is null).</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, int productId, byte[]? content, string? fileName, string? alt = null, string contentType = "image/png")
    {
        var page = await admin.GetDocumentAsync($"/admin/products/{productId}");
        var form = page.QuerySelector(ImageForm) ?? throw new InvalidOperationException("No image form.");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(alt ?? string.Empty), "ImageAlt" },
        };
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            body.Add(file, "Image", fileName ?? "image");
        }

        return await admin.PostAsync(form.GetAttribute("action"), body);
    }

    private static Task<int> ProductIdAsync(TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Where(p => p.Slug == Store.SiteBuilder).Select(p => p.Id).SingleAsync());

    private static Task<string?> VersionAsync(TestSite site, int id) =>
        site.InScopeAsync(sp => sp.GetRequiredService<CommerceDbContext>().Products.Where(p => p.Id == id).Select(p => p.ImageVersion).SingleAsync());

    private static async Task<string> PageImageUrlAsync(TestSite site) =>
        (await site.CreateClient().GetDocumentAsync($"/products/{Store.SiteBuilder}")).QuerySelector("img.product-image")!.GetAttribute("src")!;

    private static async Task<(int Width, int Height)> GetImageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = TestImages.Decode(await response.Content.ReadAsByteArrayAsync());
        return (bitmap.Width, bitmap.Height);
    }

    private static Task<byte[]?> StoredAsync(TestSite site, string name) => Downloads.ReleasePages.StoredAsync(site, name);

    /// <summary>The product image files in the site's file store folder (the default FileSystem store).</summary>
    private static List<string> StoredImageFiles(TestSite site)
    {
        var folder = Path.Combine(site.AppData, "files", "products");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "image-*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().ToList()
            : [];
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(18).NextBytes(bytes);
        return bytes;
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;

namespace StoreSite.Tests.Downloads;

/// <summary>The recipe step <c>Releases</c>, and the sample releases of the <c>store</c> recipe.</summary>
public sealed class ReleasesRecipeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "storesite-tests", "recipe-" + Guid.NewGuid().ToString("N"));

    public ReleasesRecipeTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "files"));
        File.WriteAllBytes(Path.Combine(_folder, "files", "gallery-1.5.0.zip"), ReleasePages.Bytes(3000));
        File.WriteAllBytes(Path.Combine(_folder, "files", "gallery-2.0.0.zip"), ReleasePages.Bytes(4000, seed: 9));
        File.WriteAllBytes(Path.Combine(_folder, "files", "empty.zip"), []);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(_folder)!, "outside-" + Path.GetFileName(_folder) + ".zip"), [1, 2, 3]);
    }

    [Fact]
    public async Task The_store_recipe_s_sample_releases_are_there_after_setup_with_their_files()
    {
        await using var site = TestSite.Start();

        var releases = await ReleasePages.AllReleasesAsync(site);

        Assert.Equal(
            [(Store.SiteBuilder, "1.0.0", "site-builder-pro-1.0.0.zip"), ("backup-guard", "2.1.0", "backup-guard-2.1.0.zip")],
            await Task.WhenAll(releases.Select(async r => (await SlugAsync(site, r.ProductId), r.Version, r.FileName))));
        foreach (var release in releases)
        {
            var shipped = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "recipes", "files", release.FileName));
            Assert.True(shipped.Length is > 0 and < 64 * 1024);
            Assert.Equal(shipped, await ReleasePages.StoredAsync(site, release.StoredName));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(shipped)), release.Sha256);
            Assert.True(release.IsPublished);
            Assert.NotEmpty(release.Notes);
        }
    }

    [Fact]
    public async Task The_step_adds_releases_with_their_files_from_the_recipe_s_folder()
    {
        await using var site = TestSite.Start();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);

        var result = await RunAsync(site, Entry("1.5.0", "files/gallery-1.5.0.zip", notes: "Faster."), Entry("2.0.0-rc.1", "./files/gallery-2.0.0.zip", published: false));

        Assert.True(result.Succeeded, result.Error);
        var releases = (await ReleasePages.ReleasesAsync(site, productId)).Where(r => r.Version != "1.0.0").ToList();
        Assert.Equal(["1.5.0", "2.0.0-rc.1"], releases.Select(r => r.Version));
        Assert.Equal(["gallery-1.5.0.zip", "gallery-2.0.0.zip"], releases.Select(r => r.FileName));
        Assert.Equal([true, false], releases.Select(r => r.IsPublished));
        Assert.Equal("Faster.", releases[0].Notes);
        Assert.Equal(ReleasePages.Bytes(4000, seed: 9), await ReleasePages.StoredAsync(site, releases[1].StoredName));
    }

    [Theory]
    [InlineData("1.5", "files/gallery-1.5.0.zip", "releases[1].version", "is not a SemVer version")]
    [InlineData(null, "files/gallery-1.5.0.zip", "releases[1].version", "is required")]
    [InlineData("1.0.0", "files/gallery-1.5.0.zip", "releases[1].version", "the product has a release with this version already")]
    [InlineData("1.5.0", "files/gallery-1.5.0.zip", "releases[1].version", "the product has a release with this version already")]
    [InlineData("1.6.0", "files/missing.zip", "releases[1].file", "there is no file 'files/missing.zip' next to the recipe")]
    [InlineData("1.6.0", "files/empty.zip", "releases[1].file", "the file is empty")]
    [InlineData("1.6.0", "../OUTSIDE", "releases[1].file", "leaves the recipe's folder")]
    [InlineData("1.6.0", "files/../../OUTSIDE", "releases[1].file", "leaves the recipe's folder")]
    [InlineData("1.6.0", "/etc/passwd", "releases[1].file", "must be a path relative to the recipe file")]
    [InlineData("1.6.0", "C:/Windows/win.ini", "releases[1].file", "must be a path relative to the recipe file")]
    [InlineData("1.6.0", null, "releases[1].file", "is required")]
    public async Task A_bad_entry_stops_the_recipe_naming_step_and_field_and_nothing_is_imported(string? version, string? file, string field, string problem)
    {
        await using var site = TestSite.Start();
        var before = await ReleasePages.AllReleasesAsync(site);
        var filesBefore = ReleasePages.FilesOnDisk(site);
        var outside = "../outside-" + Path.GetFileName(_folder) + ".zip";

        var result = await RunAsync(site, Entry("1.5.0", "files/gallery-1.5.0.zip"), Entry(version, file?.Replace("../OUTSIDE", outside, StringComparison.Ordinal)));

        Assert.False(result.Succeeded);
        Assert.StartsWith($"Step 1 'Releases', field '{field}': ", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.Equal(before.Select(r => r.Id), (await ReleasePages.AllReleasesAsync(site)).Select(r => r.Id));
        Assert.Equal(filesBefore, ReleasePages.FilesOnDisk(site));
    }

    [Fact]
    public async Task An_unknown_product_and_a_recipe_without_a_folder_are_refused_by_field()
    {
        await using var site = TestSite.Start();

        var unknown = await RunAsync(site, Entry("1.5.0", "files/gallery-1.5.0.zip", product: "no-such-product"));
        var asText = await site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(Recipe(Entry("1.5.0", "files/gallery-1.5.0.zip")), CancellationToken.None));

        Assert.Equal("Step 1 'Releases', field 'releases[0].product': no product has the slug 'no-such-product'.", unknown.Error);
        Assert.Equal("Step 1 'Releases', field 'releases[0].file': this recipe was given as text, so it has no folder to read files from.", asText.Error);
        Assert.Equal(2, (await ReleasePages.AllReleasesAsync(site)).Count);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        File.Delete(Path.Combine(Path.GetDirectoryName(_folder)!, "outside-" + Path.GetFileName(_folder) + ".zip"));
    }

    private Task<RecipeResult> RunAsync(TestSite site, params JsonObject[] entries) =>
        site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(Recipe(entries), _folder, CancellationToken.None));

    private static string Recipe(params JsonObject[] entries) => new JsonObject
    {
        ["name"] = "releases-test",
        ["steps"] = new JsonArray(new JsonObject { ["name"] = "Releases", ["releases"] = new JsonArray(entries.Select(e => (JsonNode)e).ToArray()) }),
    }.ToJsonString();

    private static JsonObject Entry(string? version, string? file, string product = Store.SiteBuilder, string? notes = null, bool published = true)
    {
        var entry = new JsonObject { ["product"] = product, ["published"] = published };
        if (version is not null)
        {
            entry["version"] = version;
        }

        if (file is not null)
        {
            entry["file"] = file;
        }

        if (notes is not null)
        {
            entry["notes"] = notes;
        }

        return entry;
    }

    private static Task<string> SlugAsync(TestSite site, int productId) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<CP.Commerce.Catalog.IProductCatalog>().FindProductAsync(productId, CancellationToken.None))!.Slug);
}

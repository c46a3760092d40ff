using System.Net;
using System.Security.Cryptography;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Downloads;

/// <summary>Admin -> Products -> a product -> Releases: who may use it, uploads and their refusals, publish, unpublish, delete.</summary>
public sealed class ReleasesAdminTests
{
    [Fact]
    public async Task An_upload_stores_the_file_and_lists_the_release()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var content = ReleasePages.Bytes(200_000);

        using var response = await ReleasePages.UploadAsync(admin, productId, " 1.2.0-beta.1+build.7 ", content, "site-builder-pro 1.2.0.zip", "Adds **dark mode**.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ReleasePages.Url(productId), response.Headers.Location?.OriginalString);
        var release = Assert.Single(await ReleasePages.ReleasesAsync(site, productId), r => r.Version.StartsWith("1.2.0", StringComparison.Ordinal));
        Assert.Equal("1.2.0-beta.1+build.7", release.Version);
        Assert.Equal("site-builder-pro 1.2.0.zip", release.FileName);
        Assert.Equal(content.Length, release.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), release.Sha256);
        Assert.True(release.IsPreRelease);
        Assert.True(release.IsPublished);
        Assert.Equal(site.Clock.GetUtcNow(), release.PublishedAt);
        Assert.Equal(content, await ReleasePages.StoredAsync(site, release.StoredName));
        Assert.DoesNotContain(ReleasePages.FilesOnDisk(site), f => f.Contains(".partial-", StringComparison.Ordinal));

        var page = await admin.GetDocumentAsync(ReleasePages.Url(productId));
        Assert.Contains("Release 1.2.0-beta.1+build.7 uploaded.", page.Text(".notice"), StringComparison.Ordinal);
        var row = page.QuerySelector($"tr[data-release-id='{release.Id}']")!;
        Assert.Equal("1.2.0-beta.1+build.7", row.QuerySelector(".release-version")?.TextContent);
        Assert.Equal("site-builder-pro 1.2.0.zip", row.QuerySelector(".release-file")?.TextContent);
        Assert.Equal("195.3 KB", row.QuerySelector("td.number")?.TextContent.Trim());
        Assert.Equal("dark mode", row.QuerySelector(".release-notes strong")?.TextContent);
        // Newest version first: the new pre-release of 1.2.0 above the sample 1.0.0.
        Assert.Equal(["1.2.0-beta.1+build.7", "1.0.0"], page.QuerySelectorAll(".release-version").Select(e => e.TextContent));
    }

    [Theory]
    [InlineData(null, "release.zip", 10, "version", "Enter the version, e.g. 1.4.0.")]
    [InlineData("   ", "release.zip", 10, "version", "Enter the version, e.g. 1.4.0.")]
    [InlineData("v1.3.0", "release.zip", 10, "version", "Enter a SemVer version such as 1.4.0 or 2.0.0-beta.1 (three numbers, no leading “v”).")]
    [InlineData("1.3", "release.zip", 10, "version", "Enter a SemVer version such as 1.4.0 or 2.0.0-beta.1 (three numbers, no leading “v”).")]
    [InlineData("1.0.0", "release.zip", 10, "version", "This product already has a release with this version.")]
    [InlineData("1.0.0+rebuilt", "release.zip", 10, "version", "This product already has a release with this version.")]
    [InlineData("1.3.0", "release.zip", 0, "file", "The file is empty.")]
    [InlineData("1.3.0", null, 0, "file", "Choose the file to upload.")]
    [InlineData("1.3.0", "../../evil.zip", 10, "file", "The file name must be a plain name (no folders, no / \\ : * ? \" < > |), at most 200 characters.")]
    [InlineData("1.3.0", "..\\..\\evil.zip", 10, "file", "The file name must be a plain name (no folders, no / \\ : * ? \" < > |), at most 200 characters.")]
    [InlineData("1.3.0", "C:evil.zip", 10, "file", "The file name must be a plain name (no folders, no / \\ : * ? \" < > |), at most 200 characters.")]
    [InlineData("1.3.0", "/etc/passwd", 10, "file", "The file name must be a plain name (no folders, no / \\ : * ? \" < > |), at most 200 characters.")]
    [InlineData("1.3.0", "invoice\u202Egpj.exe", 10, "file", "The file name must be a plain name (no folders, no / \\ : * ? \" < > |), at most 200 characters.")]
    [InlineData("1.3.0", "..", 10, "file", "The file name must be a plain name (no folders, no / \\ : * ? \" < > |), at most 200 characters.")]
    public async Task A_refused_upload_says_why_next_to_the_field_and_stores_nothing(string? version, string? fileName, int size, string field, string message)
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var releasesBefore = await ReleasePages.AllReleasesAsync(site);
        var filesBefore = ReleasePages.FilesOnDisk(site);

        using var response = await ReleasePages.UploadAsync(admin, productId, version, fileName is null ? null : ReleasePages.Bytes(size), fileName ?? string.Empty, "Kept notes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, Html.FieldError(page, field));
        Assert.Equal("Kept notes", page.QuerySelector("textarea[name='notes']")?.TextContent);
        Assert.Equal((await ReleasePages.AllReleasesAsync(site)).Select(r => r.Id), releasesBefore.Select(r => r.Id));
        Assert.Equal(filesBefore, ReleasePages.FilesOnDisk(site));
    }

    [Fact]
    public async Task A_file_above_the_upload_limit_is_refused_next_to_the_field_and_leaves_no_file()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:Files:MaxUploadMegabytes"] = "1");
        var admin = await site.AdminAsync();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var filesBefore = ReleasePages.FilesOnDisk(site);

        using var refused = await ReleasePages.UploadAsync(admin, productId, "1.3.0", ReleasePages.Bytes((1024 * 1024) + 1));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal("The file is larger than the upload limit of 1 MB.", Html.FieldError(page, "file"));
        Assert.Equal("At most 1 MB.", page.QuerySelector("#file-hint")?.TextContent);
        Assert.Single(await ReleasePages.ReleasesAsync(site, productId));
        Assert.Equal(filesBefore, ReleasePages.FilesOnDisk(site));

        using var exact = await ReleasePages.UploadAsync(admin, productId, "1.3.0", ReleasePages.Bytes(1024 * 1024));
        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
        Assert.Equal(1024 * 1024, (await ReleasePages.ReleasesAsync(site, productId)).Single(r => r.Version == "1.3.0").Size);
    }

    [Fact]
    public async Task A_body_far_above_the_upload_limit_is_refused_without_a_server_error_and_leaves_no_file()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:Files:MaxUploadMegabytes"] = "1");
        var admin = await site.AdminAsync();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var filesBefore = ReleasePages.FilesOnDisk(site);

        using var response = await ReleasePages.UploadAsync(admin, productId, "1.3.0", ReleaseBytes(3));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The request is too large.", (await Html.ParseAsync(response)).Text("section.error-page p"));
        Assert.Single(await ReleasePages.ReleasesAsync(site, productId));
        Assert.Equal(filesBefore, ReleasePages.FilesOnDisk(site));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(ReleasePages.Url(productId))).StatusCode);

        // Streamed without a length, the body is cut off at the limit while it is read.
        using var streamed = await ReleasePages.UploadAsync(admin, productId, "1.3.0", ReleaseBytes(3), unknownLength: true);
        Assert.True(streamed.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"Answered {(int)streamed.StatusCode}");
        Assert.NotNull((await Html.ParseAsync(streamed)).QuerySelector("section.error-page"));
        Assert.Single(await ReleasePages.ReleasesAsync(site, productId));
        Assert.Equal(filesBefore, ReleasePages.FilesOnDisk(site));
    }

    [Fact]
    public async Task Only_people_who_manage_releases_see_or_post_the_page()
    {
        await using var site = TestSite.Start();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var customer = await site.RegisterCustomerAsync("buyer@example.com");
        var anonymous = site.CreateClient();
        var page = await customer.GetDocumentAsync("/account");
        var token = Html.AntiforgeryToken(page);

        using var customerGet = await customer.GetAsync(ReleasePages.Url(productId));
        using var customerPost = await customer.PostAsync(ReleasePages.Url(productId), Upload(token));
        using var customerDelete = await customer.PostAsync($"{ReleasePages.Url(productId)}/1/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        using var anonymousGet = await anonymous.GetAsync(ReleasePages.Url(productId));
        using var anonymousPost = await anonymous.PostAsync(ReleasePages.Url(productId), Upload(null));

        Assert.Equal(HttpStatusCode.Forbidden, customerGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymousGet.StatusCode);
        Assert.StartsWith("/account/login", anonymousGet.Target()!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPost.StatusCode);
        Assert.StartsWith("/account/login", anonymousPost.Target()!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(2, (await ReleasePages.AllReleasesAsync(site)).Count);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var filesBefore = ReleasePages.FilesOnDisk(site);

        using var response = await ReleasePages.UploadAsync(admin, productId, "1.3.0", ReleasePages.Bytes(100), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await ReleasePages.ReleasesAsync(site, productId));
        Assert.Equal(filesBefore, ReleasePages.FilesOnDisk(site));
    }

    [Fact]
    public async Task Publish_unpublish_and_delete_change_the_release_and_delete_removes_its_file()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        (await ReleasePages.UploadAsync(admin, productId, "2.0.0", ReleasePages.Bytes(5000), published: false)).Dispose();
        var draft = (await ReleasePages.ReleasesAsync(site, productId)).Single(r => r.Version == "2.0.0");
        Assert.False(draft.IsPublished);
        Assert.Null(draft.PublishedAt);
        var url = ReleasePages.Url(productId);

        site.Clock.Advance(TimeSpan.FromDays(2));
        using (var publish = await admin.SubmitFormAsync(url, $"form[action='{url}/{draft.Id}/publish']", new Dictionary<string, string>()))
        {
            Assert.Equal(url, publish.Headers.Location?.OriginalString);
        }

        var published = (await ReleasePages.ReleasesAsync(site, productId)).Single(r => r.Id == draft.Id);
        Assert.True(published.IsPublished);
        Assert.Equal(site.Clock.GetUtcNow(), published.PublishedAt);
        var page = await admin.GetDocumentAsync(url);
        Assert.Equal("Release published.", page.Text(".notice"));
        Assert.Equal("Published", page.QuerySelector($"tr[data-release-id='{draft.Id}'] .badge")?.TextContent);

        (await admin.SubmitFormAsync(url, $"form[action='{url}/{draft.Id}/unpublish']", new Dictionary<string, string>())).Dispose();
        Assert.False((await ReleasePages.ReleasesAsync(site, productId)).Single(r => r.Id == draft.Id).IsPublished);
        page = await admin.GetDocumentAsync(url);
        Assert.Equal("Release unpublished.", page.Text(".notice"));
        Assert.Equal("Draft", page.QuerySelector($"tr[data-release-id='{draft.Id}'] .badge")?.TextContent);

        Assert.NotNull(await ReleasePages.StoredAsync(site, draft.StoredName));
        (await admin.SubmitFormAsync(url, $"form[action='{url}/{draft.Id}/delete']", new Dictionary<string, string>())).Dispose();
        Assert.DoesNotContain(await ReleasePages.ReleasesAsync(site, productId), r => r.Id == draft.Id);
        Assert.Null(await ReleasePages.StoredAsync(site, draft.StoredName));
        page = await admin.GetDocumentAsync(url);
        Assert.Equal("Release deleted with its file.", page.Text(".notice"));
        Assert.Null(page.QuerySelector($"tr[data-release-id='{draft.Id}']"));
    }

    [Fact]
    public async Task A_release_of_another_product_or_a_deleted_one_cannot_be_changed_through_this_product()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var siteBuilder = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        var backupGuard = await ReleasePages.ProductIdAsync(site, "backup-guard");
        var other = Assert.Single(await ReleasePages.ReleasesAsync(site, backupGuard));
        var url = ReleasePages.Url(siteBuilder);

        using var response = await HostilePost(admin, url, $"{url}/{other.Id}/delete");
        using var unknownProduct = await HostilePost(admin, url, $"/admin/products/999999/releases/{other.Id}/publish");
        using var unknownPage = await admin.GetAsync("/admin/products/999999/releases");

        Assert.Equal(url, response.Headers.Location?.OriginalString);
        Assert.Equal("This release no longer exists.", (await admin.GetDocumentAsync(url)).Text(".notice-error"));
        Assert.NotNull(await ReleasePages.StoredAsync(site, other.StoredName));
        Assert.Single(await ReleasePages.ReleasesAsync(site, backupGuard));
        Assert.NotEqual(HttpStatusCode.InternalServerError, unknownProduct.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
    }

    [Fact]
    public async Task Markdown_notes_render_as_markup_without_script()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();
        var productId = await ReleasePages.ProductIdAsync(site, Store.SiteBuilder);
        const string notes = "**Fixed** [link](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n- one\n- two";

        (await ReleasePages.UploadAsync(admin, productId, "1.1.0", ReleasePages.Bytes(10), notes: notes)).Dispose();

        var page = await admin.GetDocumentAsync(ReleasePages.Url(productId));
        var release = (await ReleasePages.ReleasesAsync(site, productId)).Single(r => r.Version == "1.1.0");
        Assert.Equal(notes, release.Notes);
        var rendered = page.QuerySelector($"tr[data-release-id='{release.Id}'] .release-notes")!;
        Assert.Equal("Fixed", rendered.QuerySelector("strong")?.TextContent);
        Assert.Equal(2, rendered.QuerySelectorAll("li").Length);
        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src") && script.TextContent.Length == 0, script.OuterHtml));
        Assert.Empty(rendered.QuerySelectorAll("script"));
        Assert.Empty(rendered.QuerySelectorAll("img[onerror], [onerror]"));
        Assert.DoesNotContain(rendered.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? string.Empty).StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<script", rendered.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] ReleaseBytes(int megabytes) => ReleasePages.Bytes(megabytes * 1024 * 1024);

    private static MultipartFormDataContent Upload(string? token)
    {
        var content = new MultipartFormDataContent();
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        content.Add(new StringContent("1.9.0"), "version");
        content.Add(new ByteArrayContent([1, 2, 3]), "file", "x.zip");
        return content;
    }

    private static async Task<HttpResponseMessage> HostilePost(HttpClient client, string tokenPage, string action)
    {
        var token = Html.AntiforgeryToken(await client.GetDocumentAsync(tokenPage));
        return await client.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }
}

using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CP.Licensing.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.LicensingPages;

/// <summary>
/// A key's admin page with 2,000 environments on an unlimited key: environments and history page in
/// the database with the site's page size, with their totals, each list with its own query parameter
/// that the other's links keep; every action of the page works from any page.
/// </summary>
public sealed class LicenseDetailPagingTests
{
    private const int Environments = 2000;
    private const int PageSize = 20;

    [Fact]
    public async Task A_key_with_2000_environments_shows_one_page_of_them_with_the_total_in_under_100_KB()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, _) = await UnlimitedKeyAsync(site);
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync($"/admin/licenses/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsByteArrayAsync();
        Assert.True(html.Length < 100 * 1024, $"The page is {html.Length} bytes.");
        var page = await Html.ParseAsync(response);
        Assert.Equal("2,000 environments", page.QuerySelector(".environment-count")?.TextContent.Trim());
        Assert.Equal(Domains(1, PageSize), EnvironmentDomains(page));
        Assert.Equal("Page 1 of 100 (2,000 in all)", Pager(page, "environments")?.QuerySelector("span")?.TextContent.Trim());
        Assert.Equal($"/admin/licenses/{id}?environments=2#environments", Pager(page, "environments")?.QuerySelector("a[rel='next']")?.GetAttribute("href"));
        Assert.Equal($"/admin/licenses/{id}?environments=100#environments", Pager(page, "environments")?.QuerySelector("a.pager-last")?.GetAttribute("href"));
        Assert.Equal("1 entry", page.QuerySelector(".history-count")?.TextContent.Trim());
        Assert.Null(Pager(page, "history"));
        Assert.Equal("2000", page.QuerySelector("dd.activations-used")?.TextContent.Trim());
    }

    [Fact]
    public async Task Page_2_of_the_environments_shows_the_next_rows_and_a_page_beyond_the_last_shows_the_last()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, _) = await UnlimitedKeyAsync(site);
        var admin = await site.AdminAsync();

        var second = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=2");
        var last = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=100");
        var beyond = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=5000");

        Assert.Equal(Domains(PageSize + 1, PageSize), EnvironmentDomains(second));
        Assert.Equal("Page 2 of 100 (2,000 in all)", Pager(second, "environments")?.QuerySelector("span")?.TextContent.Trim());
        Assert.Equal($"/admin/licenses/{id}?environments=1#environments", Pager(second, "environments")?.QuerySelector("a[rel='prev']")?.GetAttribute("href"));
        Assert.Equal(Domains(Environments - PageSize + 1, PageSize), EnvironmentDomains(last));
        Assert.Null(Pager(last, "environments")?.QuerySelector("a[rel='next']"));
        Assert.Equal(EnvironmentDomains(last), EnvironmentDomains(beyond));
        Assert.Equal("2,000 environments", beyond.QuerySelector(".environment-count")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("environments=abc")]
    [InlineData("environments=-3")]
    [InlineData("environments=0")]
    [InlineData("environments=99999999999")]
    [InlineData("environments=2.5")]
    [InlineData("environments=%EF%BC%92")]
    [InlineData("environments=&history=")]
    [InlineData("history=-1&environments=%3Cscript%3E")]
    public async Task Absurd_page_numbers_show_the_first_page_like_the_licenses_list(string query)
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, _) = await UnlimitedKeyAsync(site);
        var admin = await site.AdminAsync();

        using var response = await admin.GetAsync($"/admin/licenses/{id}?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(Domains(1, PageSize), EnvironmentDomains(page));
        Assert.Equal("Page 1 of 100 (2,000 in all)", Pager(page, "environments")?.QuerySelector("span")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_history_pages_too_and_each_list_keeps_the_other_lists_page()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, key) = await UnlimitedKeyAsync(site);
        // 34 slots freed (the first 34 environments): with the import, 35 history entries.
        var freed = (await LoadAsync(site, key)).Activations.OrderBy(a => a.Id).Take(34).ToList();
        foreach (var environment in freed)
        {
            var result = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseSlots>().FreeSlotAsync(id, environment.Id, TestSite.AdminEmail, CancellationToken.None));
            Assert.True(result.Succeeded, result.Problem);
        }

        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=3&history=2");

        Assert.Equal("35 entries", page.QuerySelector(".history-count")?.TextContent.Trim());
        Assert.Equal("1,966 environments", page.QuerySelector(".environment-count")?.TextContent.Trim());
        var history = LicensePages.Rows(page, "table.history");
        Assert.Equal(15, history.Count);
        Assert.All(history, entry => Assert.Equal("Slot freed", entry["What"]));
        Assert.Contains(freed[19].Domain, history[0]["Details"], StringComparison.Ordinal);
        Assert.Contains(freed[33].Domain, history[^1]["Details"], StringComparison.Ordinal);
        Assert.Equal("Page 2 of 2 (35 in all)", Pager(page, "history")?.QuerySelector("span")?.TextContent.Trim());
        Assert.Equal($"/admin/licenses/{id}?environments=3&history=1#history", Pager(page, "history")?.QuerySelector("a[rel='prev']")?.GetAttribute("href"));
        Assert.Equal($"/admin/licenses/{id}?history=2&environments=4#environments", Pager(page, "environments")?.QuerySelector("a[rel='next']")?.GetAttribute("href"));
        Assert.Equal(Domains(35 + (2 * PageSize), PageSize), EnvironmentDomains(page));

        var first = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=3");
        var firstHistory = LicensePages.Rows(first, "table.history");
        Assert.Equal(PageSize, firstHistory.Count);
        Assert.Equal("Imported", firstHistory[0]["What"]);
        Assert.Equal($"/admin/licenses/{id}?environments=3&history=2#history", Pager(first, "history")?.QuerySelector("a[rel='next']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Freeing_a_slot_from_page_3_frees_that_environment_and_comes_back_to_the_same_pages()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, key) = await UnlimitedKeyAsync(site);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=3");
        var row = page.QuerySelectorAll("table.environments tbody tr")[4];
        Assert.Equal($"/admin/licenses/{id}/environments/{row.GetAttribute("data-environment-id")}/remove?environments=3", row.QuerySelector("form.free-slot-form")?.GetAttribute("action"));

        using var response = await admin.SubmitFormAsync(page, $"tr[data-environment-id='{row.GetAttribute("data-environment-id")}'] form.free-slot-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/licenses/{id}?environments=3", response.Headers.Location?.OriginalString);
        var after = await LicensePages.FollowAsync(admin, response);
        Assert.Contains($"Removed {Domain(45)} (", LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal([.. Domains(41, 4), .. Domains(46, 16)], EnvironmentDomains(after));
        Assert.Equal("1,999 environments", after.QuerySelector(".environment-count")?.TextContent.Trim());
        var stored = await LoadAsync(site, key);
        Assert.Equal(Environments - 1, stored.ActivationsUsed);
        Assert.DoesNotContain(stored.Activations, a => a.Domain == Domain(45));
    }

    [Fact]
    public async Task Freeing_the_last_environment_of_the_last_page_shows_the_page_before()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = (await LicensePages.ImportAsync(site, License(max: 0, activations: [.. Enumerable.Range(1, PageSize + 1).Select(Environment)]))).Single();
        var id = await LicensePages.IdOfAsync(site, key);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=2&history=1");

        using var response = await admin.SubmitFormAsync(page, "form.free-slot-form", new Dictionary<string, string>());

        Assert.Equal($"/admin/licenses/{id}?environments=2", response.Headers.Location?.OriginalString);
        var after = await LicensePages.FollowAsync(admin, response);
        Assert.Equal(Domains(1, PageSize), EnvironmentDomains(after));
        Assert.Contains($"Removed {Domain(PageSize + 1)} (", LicensePages.Notice(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_Max_Activations_from_page_3_keeps_the_pages_and_a_refusal_shows_page_3_with_the_message()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, key) = await UnlimitedKeyAsync(site);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=3");
        Assert.Equal($"/admin/licenses/{id}/max-activations?environments=3", page.QuerySelector("form.max-activations-form")?.GetAttribute("action"));

        using var refused = await admin.SubmitFormAsync(page, "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "5" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.Equal("This key has 2000 environments; remove 1995 before lowering the limit to 5.", Html.FieldError(again, "MaxActivations"));
        Assert.Equal(Domains(41, PageSize), EnvironmentDomains(again));
        Assert.Equal("5", again.QuerySelector("input[name='MaxActivations']")?.GetAttribute("value"));
        Assert.Equal(0, (await LoadAsync(site, key)).MaxActivations);

        using var changed = await admin.SubmitFormAsync(page, "form.max-activations-form", new Dictionary<string, string> { ["MaxActivations"] = "2500" });
        Assert.Equal($"/admin/licenses/{id}?environments=3", changed.Headers.Location?.OriginalString);
        var after = await LicensePages.FollowAsync(admin, changed);
        Assert.Contains("Max Activations changed from unlimited to 2500.", LicensePages.Notice(after), StringComparison.Ordinal);
        Assert.Equal(Domains(41, PageSize), EnvironmentDomains(after));
        Assert.Equal(2500, (await LoadAsync(site, key)).MaxActivations);
    }

    [Fact]
    public async Task Revoke_is_offered_on_every_page_and_the_revoked_key_still_pages()
    {
        await using var site = await LicensingSite.StartAsync();
        var (id, _) = await UnlimitedKeyAsync(site);
        var admin = await site.AdminAsync();
        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=57&history=1");
        var revokeUrl = page.QuerySelector("a.revoke-link")?.GetAttribute("href");
        Assert.Equal($"/admin/licenses/{id}/revoke", revokeUrl);

        using var revoked = await admin.SubmitFormAsync(revokeUrl!, "form.revoke-form", new Dictionary<string, string> { ["Reason"] = "Shared on a forum" });

        var after = await LicensePages.FollowAsync(admin, revoked);
        Assert.Equal("Revoked", after.QuerySelector(".license-status")?.TextContent.Trim());
        var later = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=57");
        Assert.Equal(Domains((56 * PageSize) + 1, PageSize), EnvironmentDomains(later));
        Assert.Empty(later.QuerySelectorAll("form.free-slot-form"));
        Assert.Equal("2 entries", later.QuerySelector(".history-count")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_lists_hold_the_site_page_size()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "Settings", ["PageSize"] = 5 });
        var (id, _) = await UnlimitedKeyAsync(site);
        var admin = await site.AdminAsync();

        var page = await admin.GetDocumentAsync($"/admin/licenses/{id}?environments=400");

        Assert.Equal(Domains(1996, 5), EnvironmentDomains(page));
        Assert.Equal("Page 400 of 400 (2,000 in all)", Pager(page, "environments")?.QuerySelector("span")?.TextContent.Trim());
    }

    /// <summary>An unlimited key with 2,000 environments (site0001.example … site2000.example), imported by the Licenses recipe step.</summary>
    private static async Task<(int Id, string Key)> UnlimitedKeyAsync(TestSite site)
    {
        var key = (await LicensePages.ImportAsync(site, License(max: 0, activations: [.. Enumerable.Range(1, Environments).Select(Environment)]))).Single();
        return (await LicensePages.IdOfAsync(site, key), key);
    }

    private static (string Domain, string Ip) Environment(int n) =>
        (Domain(n), string.Create(CultureInfo.InvariantCulture, $"10.{n / 65536}.{n / 256 % 256}.{n % 256}"));

    private static string Domain(int n) => string.Create(CultureInfo.InvariantCulture, $"site{n:D4}.example");

    private static List<string> Domains(int first, int count) => [.. Enumerable.Range(first, count).Select(Domain)];

    private static List<string> EnvironmentDomains(IDocument page) => LicensePages.Rows(page, "table.environments").ConvertAll(r => r["Domain"]);

    private static IElement? Pager(IDocument page, string list) =>
        page.QuerySelectorAll("nav.pager").FirstOrDefault(n => n.QuerySelector("a")?.GetAttribute("href")?.Contains("#" + list, StringComparison.Ordinal) == true);
}

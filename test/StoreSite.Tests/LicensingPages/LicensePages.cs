using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CP.Licensing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using StoreSite.Users;

namespace StoreSite.Tests.LicensingPages;

/// <summary>Arranges licenses through the Licenses recipe step and reads the licensing pages like a user.</summary>
internal static class LicensePages
{
    public const string ListUrl = "/admin/licenses";

    public static readonly string[] Headers = ["License Key", "Customer", "Product", "Expiry", "Max Activations", "Activations Used", "Status"];

    /// <summary>Imports licenses through the Licenses recipe step (their customers must exist); returns their keys in order.</summary>
    public static async Task<IReadOnlyList<string>> ImportAsync(TestSite site, params JsonObject[] licenses)
    {
        var known = (await LicensingArrange.AllAsync(site)).Select(l => l.Key).ToHashSet();
        await LicensingArrange.RunRecipeAsync(site, LicensingArrange.LicensesStep(licenses));
        return (await LicensingArrange.AllAsync(site)).Where(l => !known.Contains(l.Key)).Select(l => l.Key).ToList();
    }

    public static Task<int> IdOfAsync(TestSite site, string key) =>
        site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.Where(l => l.Key == key).Select(l => l.Id).SingleAsync());

    public static Task<string> UserIdOfAsync(TestSite site, string email) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(email, CancellationToken.None))!.Id);

    /// <summary>The rows of the table <paramref name="selector"/>, each as header text -> cell text (none when the page has no such table).</summary>
    public static List<Dictionary<string, string>> Rows(IDocument page, string selector = "table.licenses")
    {
        var table = page.QuerySelector(selector);
        if (table is null)
        {
            return [];
        }

        var headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        return table.QuerySelectorAll("tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select((cell, i) => (headers[i], cell.TextContent.Trim())).ToDictionary(c => c.Item1, c => c.Item2))
            .ToList();
    }

    /// <summary>The License Key column of the list page at <paramref name="url"/>.</summary>
    public static async Task<List<string>> KeysAsync(HttpClient admin, string url) =>
        Rows(await admin.GetDocumentAsync(url)).ConvertAll(r => r["License Key"]);

    /// <summary>Follows a redirect (a page after a form post) and parses where it leads.</summary>
    public static async Task<IDocument> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {await Html.MessagesAsync(response)}");
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    public static string Notice(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".notice").Select(n => n.TextContent.Trim()));
}

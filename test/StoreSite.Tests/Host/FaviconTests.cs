using System.Net;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host;

public sealed class FaviconTests
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_favicon_is_served_before_and_after_setup(string path, string contentType)
    {
        await using var fresh = TestSite.Start(o => o.Recipe = null);
        await using var site = TestSite.Start();

        foreach (var client in new[] { fresh.CreateClient(), site.CreateClient() })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Both_layouts_link_the_icon()
    {
        await using var site = TestSite.Start();
        var admin = await site.AdminAsync();

        foreach (var page in new[] { await site.CreateClient().GetDocumentAsync("/"), await admin.GetDocumentAsync("/admin") })
        {
            var icons = page.QuerySelectorAll("link[rel='icon']").Select(l => l.GetAttribute("href")).ToList();
            Assert.Contains("/favicon.svg", icons);
            Assert.Contains("/favicon.ico", icons);
        }
    }
}

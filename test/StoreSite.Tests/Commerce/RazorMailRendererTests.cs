using Microsoft.Extensions.DependencyInjection;
using StoreSite.Mail;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Commerce;

/// <summary>The host's mail renderer: Razor components to an HTML or a plain-text body, outside any request.</summary>
public sealed class RazorMailRendererTests
{
    [Fact]
    public async Task Html_is_encoded_and_text_is_decoded_and_each_render_has_its_own_service_scope()
    {
        await using var site = TestSite.Start(o => o.Services = s => s.AddScoped<ScopeMarker>());
        var renderer = site.Services.GetRequiredService<IMailRenderer>();
        var parameters = new Dictionary<string, object?> { [nameof(ScopeProbe.Text)] = "<i>Tom</i> & \"Jerry\"" };

        var html = await renderer.RenderHtmlAsync<ScopeProbe>(parameters);
        var again = await renderer.RenderHtmlAsync<ScopeProbe>(parameters);
        var text = await renderer.RenderTextAsync<ScopeProbe>(parameters);
        var caller = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<ScopeMarker>().Id.ToString("N")));

        Assert.Matches("^<p data-scope=\"[0-9a-f]{32}\">&lt;i&gt;Tom&lt;/i&gt; &amp; &quot;Jerry&quot;</p>$", html);
        Assert.NotEqual(ScopeOf(html), ScopeOf(again));
        Assert.DoesNotContain(caller, html, StringComparison.Ordinal);
        Assert.EndsWith(">", text.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.Contains("<i>Tom</i> & \"Jerry\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    private static string ScopeOf(string html) => html.Split('"')[1];
}

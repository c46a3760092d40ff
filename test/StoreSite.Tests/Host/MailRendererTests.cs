using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Accounts;
using StoreSite.Web.Mail;

namespace StoreSite.Tests.Host;

/// <summary>
/// <see cref="RazorMailRenderer"/>: HTML bodies are encoded as Razor encodes, text bodies have the
/// encoding undone and no markup, and neither needs a request (mail is sent from background jobs).
/// </summary>
public sealed partial class MailRendererTests
{
    private const string HostileName = "Tom & Jerry's <b>\"Shop\"</b>";
    private const string Link = "https://store.example.com/account/reset-password?email=a%40example.com&code=ABC";

    /// <summary>A renderer on a bare service provider: no web host, no HttpContext.</summary>
    private static RazorMailRenderer BareRenderer()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return new RazorMailRenderer(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ILoggerFactory>());
    }

    private static Dictionary<string, object?> ResetParameters(string siteName) => new()
    {
        [nameof(PasswordResetMailText.SiteName)] = siteName,
        [nameof(PasswordResetMailText.Link)] = Link,
    };

    [Fact]
    public async Task An_html_body_encodes_what_it_is_given()
    {
        var html = await BareRenderer().RenderHtmlAsync<Greeting>(new Dictionary<string, object?> { [nameof(Greeting.Name)] = HostileName });

        Assert.Equal("<p>Hello Tom &amp; Jerry&#x27;s &lt;b&gt;&quot;Shop&quot;&lt;/b&gt;</p>", html);
    }

    [Fact]
    public async Task A_text_body_has_the_encoding_undone_unix_line_ends_and_one_final_newline()
    {
        var text = await BareRenderer().RenderTextAsync<TextLines>(new Dictionary<string, object?> { [nameof(TextLines.Name)] = HostileName });

        Assert.Equal($"Hello {HostileName},\n\nthat is all.\n", text);
    }

    [Fact]
    public async Task Rendering_works_on_a_background_thread_without_a_request()
    {
        var renderer = BareRenderer();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            renderer.RenderHtmlAsync<Greeting>(new Dictionary<string, object?> { [nameof(Greeting.Name)] = $"reader {i}" }))));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"<p>Hello reader {i}</p>"), bodies);
    }

    [Fact]
    public async Task The_reset_mail_html_encodes_the_site_name_and_the_link()
    {
        var html = await BareRenderer().RenderHtmlAsync<PasswordResetMailHtml>(ResetParameters(HostileName));

        Assert.Contains("at Tom &amp; Jerry&#x27;s &lt;b&gt;&quot;Shop&quot;&lt;/b&gt;.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://store.example.com/account/reset-password?email=a%40example.com&amp;code=ABC\">Choose a new password</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reset_mail_text_is_plain_with_the_link_on_its_own_line()
    {
        var text = await BareRenderer().RenderTextAsync<PasswordResetMailText>(ResetParameters(HostileName));

        Assert.Equal(
            $"Someone asked to reset the password of your account at {HostileName}.\n\nTo choose a new password, open this link:\n{Link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n",
            text);
    }

    [Fact]
    public async Task The_reset_mail_sent_by_the_site_has_a_plain_text_body_and_an_html_link_on_the_public_address()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:PublicUrl"] = "https://store.example.com/shop");
        await site.RegisterCustomerAsync("mailed@example.com");
        var client = site.CreateClient();
        var page = await client.GetDocumentAsync("/account/forgot-password");
        client.DefaultRequestHeaders.Host = "evil.example";

        using var asked = await client.SubmitFormAsync(page, "form[action='/account/forgot-password']", new Dictionary<string, string> { ["Email"] = "mailed@example.com" });
        await site.PasswordResetsHandledAsync();

        var mail = Assert.Single(MailPickup.To(site.MailFolder, "mailed@example.com"));
        Assert.Equal("Reset your password for Test Store", mail.Subject);
        Assert.DoesNotMatch(Markup(), mail.TextBody);
        Assert.Contains("your account at Test Store.", mail.TextBody, StringComparison.Ordinal);
        var link = MailPickup.ResetUri(mail).AbsoluteUri;
        Assert.StartsWith("https://store.example.com/shop/account/reset-password?email=mailed%40example.com&code=", link, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\">Choose a new password</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[a-zA-Z/!]")]
    private static partial Regex Markup();

    /// <summary>An HTML mail body: a paragraph greeting <see cref="Name"/>.</summary>
    public sealed class Greeting : ComponentBase
    {
        [Parameter]
        public string Name { get; set; } = string.Empty;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, "Hello ");
            builder.AddContent(2, Name);
            builder.CloseElement();
        }
    }

    /// <summary>A text mail body as a whitespace-preserving template renders it: text with Windows line ends around it.</summary>
    public sealed class TextLines : ComponentBase
    {
        [Parameter]
        public string Name { get; set; } = string.Empty;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.AddMarkupContent(0, "\r\n");
            builder.AddContent(1, "Hello ");
            builder.AddContent(2, Name);
            builder.AddMarkupContent(3, ",\r\n\r\nthat is all.\r\n\r\n");
        }
    }
}

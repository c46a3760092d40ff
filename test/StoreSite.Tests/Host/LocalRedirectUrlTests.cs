using StoreSite.Http;

namespace StoreSite.Tests.Host;

public sealed class LocalRedirectUrlTests
{
    [Theory]
    [InlineData("/account", "/account")]
    [InlineData("/admin/settings?tab=1#top", "/admin/settings?tab=1#top")]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/caf%C3%A9", "/caf%C3%A9")]
    [InlineData("/a\u2028b", "/a%E2%80%A8b")]
    [InlineData("/products?q=über grün", "/products?q=%C3%BCber%20gr%C3%BCn")]
    [InlineData("/\U0001F600", "/%F0%9F%98%80")]
    [InlineData("/100%", "/100%25")]
    [InlineData("/a\"<b>", "/a%22%3Cb%3E")]
    [InlineData("/a\\b", "/a%5Cb")]
    [InlineData("/%2F%2Fevil.example", "/%2F%2Fevil.example")]
    [InlineData("/", "/")]
    public void A_local_url_is_kept_with_what_a_header_cannot_carry_percent_encoded(string url, string expected)
    {
        Assert.Equal(expected, LocalRedirectUrl.From(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("account")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("http://evil.example")]
    [InlineData("https://evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" /account")]
    [InlineData("~/account")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/a\r\nSet-Cookie: x=1")]
    [InlineData("/a\u0000b")]
    [InlineData("/a\u007Fb")]
    [InlineData("/a\u0085b")]
    public void A_url_to_another_host_or_with_control_characters_is_refused(string? url)
    {
        Assert.Null(LocalRedirectUrl.From(url));
    }

    [Fact]
    public void A_url_with_broken_utf16_is_refused()
    {
        // Not theory data: xunit's serialization would replace a lone surrogate with U+FFFD.
        Assert.Null(LocalRedirectUrl.From("/a\uD800b"));
        Assert.Null(LocalRedirectUrl.From("/a\uDC00b"));
        Assert.Null(LocalRedirectUrl.From("/a\uD800"));
    }

    [Fact]
    public void A_url_too_long_before_or_after_encoding_is_refused()
    {
        Assert.Null(LocalRedirectUrl.From("/" + new string('a', LocalRedirectUrl.MaxLength)));
        Assert.Null(LocalRedirectUrl.From("/" + new string('é', 700)));
        Assert.NotNull(LocalRedirectUrl.From("/" + new string('é', 300)));
    }
}

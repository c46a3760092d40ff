using System.Net;
using CP.Licensing.Lifecycle;

namespace StoreSite.Tests.Licensing;

public sealed class EnvironmentNameTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("EXAMPLE.Com", "example.com")]
    [InlineData("www.example.com", "example.com")]
    [InlineData("WWW.Example.COM", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("www.example.com.", "example.com")]
    [InlineData("example.com:8080", "example.com")]
    [InlineData("https://www.example.com/shop/cart?x=1#top", "example.com")]
    [InlineData("http://user:secret@example.com:8443/path", "example.com")]
    [InlineData("//cdn.example.com/x", "cdn.example.com")]
    [InlineData("  shop.example.com  ", "shop.example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("https://www.Bücher.example:443/", "xn--bcher-kva.example")]
    [InlineData("例え.jp", "xn--r8jz45g.jp")]
    [InlineData("localhost", "localhost")]
    [InlineData("192.168.1.20", "192.168.1.20")]
    [InlineData("my-site.example", "my-site.example")]
    public void Domains_are_normalized(string input, string expected)
    {
        Assert.Equal(expected, EnvironmentName.NormalizeDomain(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("exa mple.com")]
    [InlineData("example..com")]
    [InlineData("-example.com")]
    [InlineData("example-.com")]
    [InlineData("exa_mple.com")]
    [InlineData("example.com:port")]
    [InlineData("example.com:99999")]
    [InlineData("[::1]")]
    [InlineData("https://")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("example.com'; DROP TABLE \"Licenses\"; --")]
    [InlineData("exam\u0000ple.com")]
    [InlineData("exam\nple.com")]
    [InlineData("1http://example.com")]
    public void Invalid_domains_are_refused(string input)
    {
        Assert.Null(EnvironmentName.NormalizeDomain(input));
    }

    [Fact]
    public void Domains_longer_than_253_characters_are_refused()
    {
        var label = new string('a', 63);
        var ok = string.Join('.', label, label, label, new string('b', 61)); // 253
        Assert.Equal(253, ok.Length);
        Assert.Equal(ok, EnvironmentName.NormalizeDomain(ok));
        Assert.Null(EnvironmentName.NormalizeDomain(ok + "c"));
        Assert.Null(EnvironmentName.NormalizeDomain(new string('a', 64) + ".com"));
        Assert.Null(EnvironmentName.NormalizeDomain(new string('a', 5000)));
    }

    [Theory]
    [InlineData("203.0.113.10")]
    [InlineData(" 10.0.0.1 ")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:198.51.100.7")]
    public void Ip_addresses_parse(string input)
    {
        Assert.NotNull(EnvironmentName.ParseIp(input));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("127.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("300.1.1.1")]
    [InlineData("example.com")]
    [InlineData("1.2.3.4; DROP TABLE x")]
    [InlineData("")]
    public void Anything_but_an_ipv4_or_ipv6_address_is_refused(string input)
    {
        Assert.Null(EnvironmentName.ParseIp(input));
    }

    [Fact]
    public void Ipv4_mapped_ipv6_counts_as_ipv4()
    {
        Assert.Equal("198.51.100.7", EnvironmentName.Canonical(IPAddress.Parse("::ffff:198.51.100.7")));
        Assert.Equal("2001:db8::1", EnvironmentName.Canonical(IPAddress.Parse("2001:0db8:0:0::1")));
    }
}

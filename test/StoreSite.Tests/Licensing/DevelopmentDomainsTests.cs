using System.Net;
using CP.Licensing.Lifecycle;

namespace StoreSite.Tests.Licensing;

public sealed class DevelopmentDomainsTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("shop.localhost")]
    [InlineData("a.b.localhost")]
    [InlineData("mysite.local")]
    [InlineData("plugin.test")]
    [InlineData("shop.example")]
    [InlineData("x.invalid")]
    [InlineData("staging.shop.com")]
    [InlineData("staging.a.b.shop.com")]
    [InlineData("eu.staging.shop.com")]
    [InlineData("dev.shop.com")]
    [InlineData("test.shop.com")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.20")]
    [InlineData("169.254.10.10")]
    public void Each_default_pattern_and_private_ip_literal_is_a_development_domain(string domain)
    {
        Assert.True(DevelopmentDomains.Default.Contains(domain));
    }

    [Theory]
    [InlineData("shop.com")]
    [InlineData("localhost.com")]
    [InlineData("local")]
    [InlineData("test")]
    [InlineData("staging")]
    [InlineData("mystaging.shop.com")]
    [InlineData("shop.testing")]
    [InlineData("devshop.com")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("11.0.0.1")]
    public void Production_domains_and_public_ip_literals_are_not(string domain)
    {
        Assert.False(DevelopmentDomains.Default.Contains(domain));
    }

    [Fact]
    public void A_star_stands_for_one_or_more_labels_never_for_none()
    {
        var domains = DevelopmentDomains.Parse(["*.preview.shop.com"], out var error)!;

        Assert.Null(error);
        Assert.True(domains.Contains("pr-12.preview.shop.com"));
        Assert.True(domains.Contains("a.b.preview.shop.com"));
        Assert.False(domains.Contains("preview.shop.com"));
        Assert.False(domains.Contains("pr-12.preview.shop.org"));
    }

    [Fact]
    public void Patterns_are_trimmed_lower_cased_and_kept_once()
    {
        var domains = DevelopmentDomains.Parse([" *.TEST ", "*.test", "", "Staging.*."], out var error)!;

        Assert.Null(error);
        Assert.Equal(["*.test", "staging.*"], domains.Patterns);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*.*")]
    [InlineData("**.test")]
    [InlineData("exa mple.test")]
    [InlineData("*.te_st")]
    [InlineData("-dev.*")]
    public void A_bad_pattern_is_refused_with_a_message_naming_it(string pattern)
    {
        Assert.Null(DevelopmentDomains.Parse(["*.test", pattern], out var error));
        Assert.Contains($"\"{pattern}\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_one_hundred_patterns()
    {
        var many = Enumerable.Range(0, DevelopmentDomains.MaxPatterns + 1).Select(i => $"site{i}.test");

        Assert.Null(DevelopmentDomains.Parse(many, out var error));
        Assert.Contains("at most 100", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:192.168.0.1", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    public void Ipv6_loopback_unique_local_and_link_local_addresses_are_development_addresses(string ip, bool expected)
    {
        Assert.Equal(expected, DevelopmentDomains.IsDevelopmentAddress(IPAddress.Parse(ip)));
    }
}

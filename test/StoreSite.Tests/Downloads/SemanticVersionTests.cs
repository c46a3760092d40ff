using StoreSite.Versions;

namespace StoreSite.Tests.Downloads;

/// <summary>SemVer 2.0 as releases read it: which texts are versions, and how versions order (precedence).</summary>
public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("0.0.0", 0, 0, 0, "")]
    [InlineData("1.4.0", 1, 4, 0, "")]
    [InlineData("10.20.30", 10, 20, 30, "")]
    [InlineData("2.0.0-beta.1", 2, 0, 0, "beta.1")]
    [InlineData("1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay", 1, 0, 0, "alpha-a.b-c-somethinglong")]
    [InlineData("1.0.0+20130313144700", 1, 0, 0, "")]
    [InlineData("1.0.0-0A.is.legal", 1, 0, 0, "0A.is.legal")]
    [InlineData("1.0.0--", 1, 0, 0, "-")]
    [InlineData("9223372036854775807.0.0", long.MaxValue, 0, 0, "")]
    public void A_SemVer_version_parses_into_its_parts(string text, long major, long minor, long patch, string preRelease)
    {
        Assert.True(SemanticVersion.TryParse(text, out var version));

        Assert.Equal((major, minor, patch), (version.Major, version.Minor, version.Patch));
        Assert.Equal(preRelease, string.Join('.', version.PreRelease));
        Assert.Equal(preRelease.Length > 0, version.IsPreRelease);
        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("v1.2.3")]
    [InlineData(" 1.2.3")]
    [InlineData("1.2.3 ")]
    [InlineData("1.2.3\n")]
    [InlineData("01.2.3")]
    [InlineData("1.02.3")]
    [InlineData("1.2.03")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-beta..1")]
    [InlineData("1.2.3-beta.")]
    [InlineData("1.2.3+")]
    [InlineData("1.2.3+build..1")]
    [InlineData("1.2.3-beta_1")]
    [InlineData("1.2.3-bêta")]
    [InlineData("1.2.3-\u0661")]
    [InlineData("\u0661.2.3")]
    [InlineData("\uFF11.2.3")]
    [InlineData("-1.2.3")]
    [InlineData("+1.2.3")]
    [InlineData("1.2.x")]
    [InlineData("1.2.3-beta+build+again")]
    [InlineData("99999999999999999999.0.0")]
    [InlineData("<script>.1.1")]
    public void Anything_else_is_not_a_version(string? text)
    {
        Assert.False(SemanticVersion.TryParse(text, out _));
    }

    [Fact]
    public void A_text_longer_than_a_release_keeps_is_not_a_version()
    {
        var longest = "1.0.0-" + new string('a', SemanticVersion.MaxLength - 6);

        Assert.True(SemanticVersion.TryParse(longest, out _));
        Assert.False(SemanticVersion.TryParse(longest + "a", out _));
    }

    // The order of the SemVer 2.0 specification's examples, and numbers compared as numbers.
    [Theory]
    [InlineData("1.0.0", "2.0.0")]
    [InlineData("2.0.0", "2.1.0")]
    [InlineData("2.1.0", "2.1.1")]
    [InlineData("1.9.0", "1.10.0")]
    [InlineData("1.0.9", "1.0.10")]
    [InlineData("1.0.0-alpha", "1.0.0")]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta")]
    [InlineData("1.0.0-beta", "1.0.0-beta.2")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.0.0-2", "1.0.0-10")]
    [InlineData("1.0.0-99999999999999999999999", "1.0.0-100000000000000000000000")]
    [InlineData("1.0.0-99999999999999999999999", "1.0.0-a")]
    [InlineData("1.0.0-Z", "1.0.0-a")]
    [InlineData("0.9.9", "1.0.0-alpha")]
    public void Versions_order_by_precedence(string lower, string higher)
    {
        var (low, high) = (Parse(lower), Parse(higher));

        Assert.True(low < high, $"{lower} < {higher}");
        Assert.True(high > low, $"{higher} > {lower}");
        Assert.True(low.CompareTo(high) < 0);
        Assert.True(high.CompareTo(low) > 0);
        Assert.False(low == high);
        Assert.True(low <= high && high >= low);
    }

    [Theory]
    [InlineData("1.0.0", "1.0.0+build.5")]
    [InlineData("1.0.0+a", "1.0.0+b")]
    [InlineData("1.0.0-beta+exp.sha.5114f85", "1.0.0-beta")]
    public void Build_metadata_does_not_count_for_precedence(string left, string right)
    {
        var (a, b) = (Parse(left), Parse(right));

        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a.ToString(), b.ToString());
    }

    [Fact]
    public void Sorting_a_shuffled_list_gives_the_specification_order()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "2.0.0"];

        var sorted = ordered.Reverse().Select(Parse).Order().Select(v => v.ToString());

        Assert.Equal(ordered, sorted);
    }

    [Fact]
    public void Null_sorts_below_every_version()
    {
        var version = Parse("0.0.0-0");

        Assert.True(version.CompareTo(null) > 0);
        Assert.True(null < version);
        Assert.False(version == null);
    }

    private static SemanticVersion Parse(string text) =>
        SemanticVersion.TryParse(text, out var version) ? version : throw new InvalidOperationException($"{text} should parse.");
}

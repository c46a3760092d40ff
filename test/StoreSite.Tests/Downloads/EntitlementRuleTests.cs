using CP.Downloads.Entitlement;
using CP.Licensing.Grants;

namespace StoreSite.Tests.Downloads;

/// <summary>The entitlement rule on its own: what one license gives on a day, and which releases a window covers.</summary>
public sealed class EntitlementRuleTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);

    [Theory]
    [InlineData(null, false, false, "every")]
    [InlineData("2026-12-31", false, false, "every")]
    [InlineData("2026-07-01", false, false, "every")]
    [InlineData("2026-06-30", false, false, "until 2026-06-30")]
    [InlineData("2025-01-01", false, false, "until 2025-01-01")]
    [InlineData(null, true, false, "nothing")]
    [InlineData("2025-01-01", true, false, "nothing")]
    [InlineData(null, false, true, "nothing")]
    [InlineData("2025-01-01", false, true, "nothing")]
    [InlineData(null, true, true, "nothing")]
    public void A_license_gives_every_release_while_active_those_until_its_expiry_once_expired_and_nothing_revoked_or_suspended(string? expiresOn, bool revoked, bool suspended, string expected)
    {
        var grant = new LicenseGrant(1, 7, expiresOn is null ? null : DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture), revoked, suspended);

        var window = EntitlementRule.Of(grant, Today);

        Assert.Equal(expected, window switch
        {
            null => "nothing",
            { Until: null } => "every",
            { Until: { } until } => $"until {until:yyyy-MM-dd}",
        });
    }

    [Fact]
    public void An_unlicensed_purchase_gives_every_release()
    {
        Assert.True(EntitlementRule.OfUnlicensedPurchase().IsEvery);
    }

    [Theory]
    [InlineData("2026-03-01T00:00:00Z", true)]
    [InlineData("2026-03-01T23:59:59Z", true)]
    [InlineData("2026-03-02T00:00:00Z", false)]
    [InlineData("2026-03-02T00:30:00+01:00", true)]
    [InlineData("2026-03-01T23:30:00-01:00", false)]
    [InlineData("2020-01-01T00:00:00Z", true)]
    public void An_expired_window_covers_releases_published_on_or_before_the_expiry_day_in_UTC(string publishedAt, bool covered)
    {
        var window = new ReleaseWindow(new DateOnly(2026, 3, 1));

        Assert.Equal(covered, window.Covers(true, DateTimeOffset.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(ReleaseWindow.Every.Covers(true, DateTimeOffset.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_release_that_is_not_published_is_covered_by_no_window()
    {
        Assert.False(ReleaseWindow.Every.Covers(false, DateTimeOffset.UnixEpoch));
        Assert.False(ReleaseWindow.Every.Covers(true, null));
        Assert.False(new ReleaseWindow(new DateOnly(2030, 1, 1)).Covers(false, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Several_keys_for_one_product_give_the_widest_window()
    {
        var march = new ReleaseWindow(new DateOnly(2026, 3, 1));
        var may = new ReleaseWindow(new DateOnly(2026, 5, 1));

        Assert.Equal(may, march.Widen(may));
        Assert.Equal(may, may.Widen(march));
        Assert.Equal(ReleaseWindow.Every, march.Widen(ReleaseWindow.Every));
        Assert.Equal(ReleaseWindow.Every, ReleaseWindow.Every.Widen(march));
        Assert.Equal(march, march.Widen(null));
    }
}

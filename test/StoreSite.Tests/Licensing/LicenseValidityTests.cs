using CP.Licensing.Models;

namespace StoreSite.Tests.Licensing;

public sealed class LicenseValidityTests
{
    [Theory]
    [InlineData("2026-01-31", LicenseValidityUnit.Months, 1, "2026-02-28")]
    [InlineData("2028-01-31", LicenseValidityUnit.Months, 1, "2028-02-29")]
    [InlineData("2026-03-31", LicenseValidityUnit.Months, 1, "2026-04-30")]
    [InlineData("2026-08-31", LicenseValidityUnit.Months, 6, "2027-02-28")]
    [InlineData("2028-02-29", LicenseValidityUnit.Years, 1, "2029-02-28")]
    [InlineData("2028-02-29", LicenseValidityUnit.Years, 4, "2032-02-29")]
    [InlineData("2026-12-31", LicenseValidityUnit.Days, 1, "2027-01-01")]
    [InlineData("2028-02-28", LicenseValidityUnit.Days, 1, "2028-02-29")]
    [InlineData("2026-12-29", LicenseValidityUnit.Weeks, 1, "2027-01-05")]
    [InlineData("2026-05-15", LicenseValidityUnit.Years, 1, "2027-05-15")]
    public void Expiry_uses_calendar_arithmetic(string issued, LicenseValidityUnit unit, int value, string expected)
    {
        var expiry = new LicenseValidity(unit, value).ExpiryFor(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), expiry);
    }

    [Fact]
    public void Lifetime_has_no_expiry()
    {
        Assert.Null(LicenseValidity.Lifetime.ExpiryFor(new DateOnly(2026, 1, 31)));
    }

    [Fact]
    public void A_license_is_active_on_its_expiry_date_and_expired_the_day_after()
    {
        var expiry = new DateOnly(2026, 2, 28);

        Assert.Equal(LicenseStatus.Active, License.Status(false, false, expiry, expiry));
        Assert.Equal(LicenseStatus.Expired, License.Status(false, false, expiry, expiry.AddDays(1)));
        Assert.Equal(LicenseStatus.Revoked, License.Status(true, false, expiry, expiry));
        Assert.Equal(LicenseStatus.Active, License.Status(false, false, null, new DateOnly(2999, 1, 1)));
    }

    [Fact]
    public void Revoked_wins_over_suspended_and_suspended_over_expired()
    {
        var expiry = new DateOnly(2026, 2, 28);

        Assert.Equal(LicenseStatus.Revoked, License.Status(true, true, expiry, expiry.AddDays(1)));
        Assert.Equal(LicenseStatus.Suspended, License.Status(false, true, expiry, expiry.AddDays(1)));
        Assert.Equal(LicenseStatus.Suspended, License.Status(false, true, null, expiry));
    }
}

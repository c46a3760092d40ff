using CP.Licensing.Lifecycle;
using CP.Licensing.Models;

namespace StoreSite.Tests.Renewals;

/// <summary>
/// The renewal rule of DESIGN.md section 13, <c>expiry = max(expiry, paid date) + validity</c> with the
/// calendar arithmetic of issuance, and the expiry a key's renewals give once some are refunded.
/// </summary>
public sealed class RenewalArithmeticTests
{
    private static readonly LicenseValidity OneYear = new(LicenseValidityUnit.Years, 1);
    private static readonly LicenseValidity OneMonth = new(LicenseValidityUnit.Months, 1);

    [Theory]
    [InlineData("2027-06-15", "2027-05-01", "2028-06-15")] // early: counted from the expiry, no day lost
    [InlineData("2027-06-15", "2027-06-15", "2028-06-15")] // on its last valid day
    [InlineData("2027-06-15", "2027-06-16", "2028-06-16")] // the day after: from the paid date
    [InlineData("2027-06-15", "2029-09-03", "2030-09-03")] // long expired: from the paid date
    [InlineData("2028-02-29", "2028-01-10", "2029-02-28")] // a leap day plus a year is the 28th
    [InlineData("2027-03-01", "2028-02-29", "2029-02-28")] // expired, paid on a leap day
    public void A_yearly_key_is_renewed_from_the_later_of_its_expiry_and_the_paid_date(string expiry, string paid, string renewed)
    {
        Assert.Equal(Day(renewed), OneYear.RenewedExpiry(Day(expiry), Day(paid)));
    }

    [Theory]
    [InlineData("2027-01-31", "2027-01-20", "2027-02-28")] // month end into a short February
    [InlineData("2028-01-31", "2028-01-20", "2028-02-29")] // into a leap February
    [InlineData("2027-02-28", "2027-02-01", "2027-03-28")] // the calendar arithmetic of issuance: the 28th stays the 28th
    [InlineData("2027-08-31", "2027-08-30", "2027-09-30")]
    [InlineData("2028-02-29", "2028-03-31", "2028-04-30")] // expired, paid on the 31st of a month before a 30-day one
    [InlineData("2027-12-31", "2027-12-31", "2028-01-31")] // across the year
    public void A_monthly_key_follows_the_calendar_at_month_ends(string expiry, string paid, string renewed)
    {
        Assert.Equal(Day(renewed), OneMonth.RenewedExpiry(Day(expiry), Day(paid)));
    }

    [Fact]
    public void Days_and_weeks_add_up_from_the_later_date_and_a_lifetime_validity_gives_no_expiry()
    {
        var expiry = new DateOnly(2027, 2, 20);

        Assert.Equal(new DateOnly(2027, 3, 22), new LicenseValidity(LicenseValidityUnit.Days, 30).RenewedExpiry(expiry, new DateOnly(2027, 2, 1)));
        Assert.Equal(new DateOnly(2027, 3, 30), new LicenseValidity(LicenseValidityUnit.Weeks, 2).RenewedExpiry(expiry, new DateOnly(2027, 3, 16)));
        Assert.Null(LicenseValidity.Lifetime.RenewedExpiry(expiry, new DateOnly(2027, 2, 1)));
    }

    [Fact]
    public void A_renewal_agrees_with_issuance_a_key_bought_on_the_paid_date_expires_with_a_renewed_expired_one()
    {
        var paid = new DateOnly(2028, 2, 29);

        Assert.Equal(OneYear.ExpiryFor(paid), OneYear.RenewedExpiry(new DateOnly(2027, 1, 1), paid));
        Assert.Equal(OneMonth.ExpiryFor(paid), OneMonth.RenewedExpiry(new DateOnly(2027, 1, 1), paid));
    }

    [Fact]
    public void With_no_renewal_refunded_the_renewals_chain_from_the_first_ones_previous_expiry()
    {
        var first = Renewal(1, previous: "2028-01-31", paid: "2027-12-01", next: "2029-01-31");
        var second = Renewal(2, previous: "2029-01-31", paid: "2028-06-01", next: "2030-01-31");

        Assert.Equal(new DateOnly(2030, 1, 31), LicenseRenewer.ExpiryAfter([first, second]));
    }

    [Fact]
    public void Two_renewals_then_a_refund_of_the_first_leave_the_original_expiry_plus_the_second()
    {
        var first = Renewal(1, previous: "2028-01-31", paid: "2027-12-01", next: "2029-01-31", refunded: true);
        var second = Renewal(2, previous: "2029-01-31", paid: "2028-01-05", next: "2030-01-31");

        Assert.Equal(new DateOnly(2029, 1, 31), LicenseRenewer.ExpiryAfter([first, second]));
    }

    [Fact]
    public void A_refund_of_the_first_counts_the_second_from_its_paid_date_when_the_key_would_have_been_expired_then()
    {
        // Without the first renewal the key expired on 2028-01-31; the second was paid on 2028-03-01.
        var first = Renewal(1, previous: "2028-01-31", paid: "2028-01-10", next: "2029-01-31", refunded: true);
        var second = Renewal(2, previous: "2029-01-31", paid: "2028-03-01", next: "2030-01-31");

        Assert.Equal(new DateOnly(2029, 3, 1), LicenseRenewer.ExpiryAfter([first, second]));
    }

    [Fact]
    public void Refunding_the_last_or_every_renewal_goes_back_step_by_step_to_the_expiry_before_the_first()
    {
        var first = Renewal(1, previous: "2028-01-31", paid: "2027-12-01", next: "2029-01-31");
        var second = Renewal(2, previous: "2029-01-31", paid: "2028-06-01", next: "2030-01-31", refunded: true);

        Assert.Equal(new DateOnly(2029, 1, 31), LicenseRenewer.ExpiryAfter([first, second]));
        first.RefundedAt = DateTimeOffset.UnixEpoch;
        Assert.Equal(new DateOnly(2028, 1, 31), LicenseRenewer.ExpiryAfter([first, second]));
    }

    [Fact]
    public void Each_renewal_adds_the_validity_it_was_sold_with_even_after_its_plan_changed()
    {
        var yearly = Renewal(1, previous: "2028-01-31", paid: "2028-01-01", next: "2029-01-31", refunded: true);
        var monthly = Renewal(2, previous: "2029-01-31", paid: "2028-01-15", next: "2029-02-28", validity: OneMonth);

        Assert.Equal(new DateOnly(2028, 2, 29), LicenseRenewer.ExpiryAfter([yearly, monthly]));
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static LicenseRenewal Renewal(int line, string previous, string paid, string next, bool refunded = false, LicenseValidity? validity = null)
    {
        var added = validity ?? OneYear;
        return new LicenseRenewal
        {
            Id = line,
            LicenseId = 1,
            OrderNumber = $"SO-2028-00000{line}",
            LineNumber = 1,
            PreviousExpiry = Day(previous),
            PaidOn = Day(paid),
            NewExpiry = Day(next),
            ValidityUnit = added.Unit,
            ValidityValue = added.Value,
            RenewedAt = DateTimeOffset.UnixEpoch,
            RefundedAt = refunded ? DateTimeOffset.UnixEpoch : null,
        };
    }
}

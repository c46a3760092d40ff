using CP.Licensing.Lifecycle;
using CP.Licensing.Settings;
using CP.Licensing.ViewModels;

namespace StoreSite.Tests.Reminders;

/// <summary>Which reminder is due on a day, the words for when a key expires, and the settings' rules for the days.</summary>
public sealed class RenewalReminderRuleTests
{
    private static readonly int[] Defaults = [30, 7, -3];
    private static readonly DateOnly Expiry = new(2027, 6, 1);

    [Theory]
    [InlineData("2027-05-01", null)]
    [InlineData("2027-05-02", 30)]
    [InlineData("2027-05-09", 30)]
    [InlineData("2027-05-10", null)]
    [InlineData("2027-05-25", 7)]
    [InlineData("2027-05-31", 7)]
    [InlineData("2027-06-01", 7)]
    [InlineData("2027-06-03", null)]
    [InlineData("2027-06-04", -3)]
    [InlineData("2027-06-11", -3)]
    [InlineData("2027-06-12", null)]
    public void The_due_reminder_is_the_latest_whose_day_came_at_most_a_week_ago(string today, int? expected)
    {
        Assert.Equal(expected, RenewalReminders.DueOffset(Expiry, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Defaults));
    }

    [Fact]
    public void A_key_issued_five_days_before_its_expiry_gets_the_seven_day_reminder_not_the_thirty_day_one()
    {
        Assert.Equal(7, RenewalReminders.DueOffset(new DateOnly(2027, 1, 10), new DateOnly(2027, 1, 5), Defaults));
    }

    [Fact]
    public void No_days_means_no_reminder()
    {
        Assert.Null(RenewalReminders.DueOffset(Expiry, new DateOnly(2027, 5, 2), []));
    }

    [Theory]
    [InlineData("2027-05-02", "expires in 30 days, on 2027-06-01")]
    [InlineData("2027-05-31", "expires tomorrow (2027-06-01)")]
    [InlineData("2027-06-01", "expires today (2027-06-01)")]
    [InlineData("2027-06-02", "expired yesterday (2027-06-01)")]
    [InlineData("2027-06-04", "expired 3 days ago, on 2027-06-01")]
    public void When_says_how_far_the_expiry_is(string today, string expected)
    {
        Assert.Equal(expected, RenewalReminders.When(Expiry, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("30, 7, -3", new[] { 30, 7, -3 })]
    [InlineData(" 14 ,1 ", new[] { 14, 1 })]
    [InlineData("", new int[0])]
    [InlineData("0", new[] { 0 })]
    public void The_settings_field_reads_whole_days_separated_by_commas(string text, int[] expected)
    {
        Assert.Equal(expected, LicensingSettingsViewModel.ReminderDays(text));
    }

    [Theory]
    [InlineData("7.5")]
    [InlineData("seven")]
    [InlineData("30; 7")]
    [InlineData("1e2")]
    [InlineData("99999999999")]
    public void A_field_that_is_not_whole_days_is_refused(string text)
    {
        Assert.Null(LicensingSettingsViewModel.ReminderDays(text));
    }

    [Fact]
    public void Days_out_of_range_repeated_or_too_many_are_refused_with_words()
    {
        Assert.Contains("between -365 and 365", LicensingSettingsStore.ReminderDaysProblem([400]), StringComparison.Ordinal);
        Assert.Contains("twice", LicensingSettingsStore.ReminderDaysProblem([7, 7]), StringComparison.Ordinal);
        Assert.Contains("at most 6", LicensingSettingsStore.ReminderDaysProblem([1, 2, 3, 4, 5, 6, 7]), StringComparison.Ordinal);
        Assert.Null(LicensingSettingsStore.ReminderDaysProblem([60, 30, 7, 1, -3, -30]));
    }
}

using CP.Licensing.Lifecycle;

namespace StoreSite.Tests.Licensing;

public sealed class DeactivationAllowanceTests
{
    [Theory]
    [InlineData(true, 3, 0, true)]
    [InlineData(true, 3, 2, true)]
    [InlineData(true, 3, 3, false)]
    [InlineData(true, 0, 500, true)]
    [InlineData(false, 0, 0, false)]
    [InlineData(false, 3, 0, false)]
    public void One_more_deactivation_fits_while_the_window_has_room(bool allowed, int per30Days, int used, bool expected)
    {
        Assert.Equal(expected, new DeactivationAllowance(allowed, per30Days).Permits(used));
    }

    [Fact]
    public void Keys_without_a_plan_may_deactivate_three_times_in_thirty_rolling_days()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DeactivationAllowance(true, 3), DeactivationAllowance.Default);
        Assert.Equal(now.AddDays(-30), DeactivationAllowance.WindowStart(now));
    }
}

using CP.Licensing.Admin.Records;
using StoreSite.Charts;

namespace CP.Licensing.ViewModels;

/// <summary>
/// The admin dashboard's licensing activity: new licenses and activations per day, the keys near
/// their limit and the keys expiring soon (the first few of each, and how many in all); <c>TimeZone</c>
/// names the zone the days are counted in.
/// </summary>
public sealed record LicenseActivityViewModel(
    DailyChart NewLicenses,
    DailyChart Activations,
    IReadOnlyList<KeyNearLimit> NearLimit,
    int NearLimitTotal,
    IReadOnlyList<KeyExpiringSoon> ExpiringSoon,
    int ExpiringSoonTotal,
    string TimeZone);

using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace StoreSite.Web.Setup;

/// <summary>
/// The one-shot "your store is ready" notice: setup marks it before redirecting the new admin to
/// the dashboard, which shows it once (TempData, read once; the next visit no longer has it).
/// </summary>
public static class SetupWelcome
{
    private const string Key = "SetupWelcome";

    public static void Mark(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = true;
    }

    /// <summary>Whether to show the notice now (it is gone afterwards).</summary>
    public static bool Take(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[Key] is true;
    }
}

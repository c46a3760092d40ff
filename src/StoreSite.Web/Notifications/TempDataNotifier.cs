using Microsoft.AspNetCore.Mvc.ViewFeatures;
using StoreSite.Notifications;

namespace StoreSite.Web.Notifications;

/// <summary>
/// <see cref="INotifier"/> on TempData (scoped): a notice set before a redirect survives it in the
/// TempData cookie and is shown once by <c>Views/Shared/_Notices.cshtml</c>; one set while a page is
/// rendered is shown on that page.
/// </summary>
public sealed class TempDataNotifier(IHttpContextAccessor http, ITempDataDictionaryFactory tempData) : INotifier
{
    private const string SuccessKey = "Notice";
    private const string ErrorKey = "Error";

    public void Success(string message) => Set(SuccessKey, message);

    public void Error(string message) => Set(ErrorKey, message);

    /// <summary>The notices to show now (each read once).</summary>
    public static IEnumerable<(NoticeKind Kind, string Message)> Read(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (tempData[SuccessKey] is string success)
        {
            yield return (NoticeKind.Success, success);
        }

        if (tempData[ErrorKey] is string error)
        {
            yield return (NoticeKind.Error, error);
        }
    }

    private void Set(string key, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var context = http.HttpContext ?? throw new InvalidOperationException("Page notices need a request.");
        tempData.GetTempData(context)[key] = message;
    }
}

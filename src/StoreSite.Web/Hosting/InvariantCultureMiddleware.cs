using System.Globalization;

namespace StoreSite.Web.Hosting;

/// <summary>
/// Runs every request in the invariant culture, whatever the server's locale (<c>LANG</c>) or the
/// browser's Accept-Language: MVC binds numbers and dates of forms in the current culture (on a
/// de-DE server <c>9.50</c> was 950) and Razor formats them in it (a th-TH server writes dates in the
/// Buddhist era), so the store reads and writes them one way only. The store's pages are English.
/// Nothing is set (nor allocated) when the culture already is the invariant one.
/// </summary>
public sealed class InvariantCultureMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!ReferenceEquals(CultureInfo.CurrentCulture, CultureInfo.InvariantCulture))
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        }

        if (!ReferenceEquals(CultureInfo.CurrentUICulture, CultureInfo.InvariantCulture))
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        }

        return next(context);
    }
}

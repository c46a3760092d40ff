using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace StoreSite.Tests.Infrastructure;

/// <summary>
/// Runs every request of a test site in <paramref name="culture"/> from before the app's pipeline,
/// as a server whose locale is that culture would (<c>LANG=de_DE.UTF-8</c>): tests of culture
/// invariance start a site with <c>o.Services = s => s.AddSingleton&lt;IStartupFilter&gt;(new RequestCultureStartupFilter("de-DE"))</c>.
/// </summary>
public sealed class RequestCultureStartupFilter(string culture) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var info = CultureInfo.GetCultureInfo(culture);
        app.Use((context, nextMiddleware) =>
        {
            CultureInfo.CurrentCulture = info;
            CultureInfo.CurrentUICulture = info;
            return nextMiddleware(context);
        });
        next(app);
    };
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace StoreSite.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no socket, so no remote address. This sets one before the app's
/// pipeline runs: <c>127.0.0.1</c>, or the value of the test-only <see cref="Header"/> header (tests
/// of activation counting use it as the client's connection address).
/// </summary>
public sealed class TestRemoteAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress =
                context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address)
                    ? address
                    : context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}

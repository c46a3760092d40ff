using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host.Support;

/// <summary>
/// One browser's cookie jar shared by clients of several sites: a browser behind a load balancer
/// whose requests land on different web nodes.
/// </summary>
public sealed class SharedCookiesHandler(CookieContainer cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>A client of <paramref name="site"/> that reads and writes <paramref name="cookies"/> (no auto redirect).</summary>
    public static HttpClient ClientOf(TestSite site, CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(site);
        var server = (TestServer)site.Services.GetRequiredService<IServer>();
        return new HttpClient(new SharedCookiesHandler(cookies, server.CreateHandler())) { BaseAddress = new Uri("http://localhost") };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri!;
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                cookies.SetCookies(uri, value);
            }
        }

        return response;
    }
}

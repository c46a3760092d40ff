using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host.Support;

/// <summary>
/// A browser behind a TLS-terminating reverse proxy: the client speaks to <c>https://…</c> and keeps
/// its cookies for that address (so Secure cookies go back, as in a browser); the proxy forwards over
/// plain http from <paramref name="proxyAddress"/>, adding <c>X-Forwarded-For: clientAddress</c> and
/// <c>X-Forwarded-Proto</c> with the browser's scheme.
/// </summary>
public sealed class ReverseProxyHandler(CookieContainer cookies, string proxyAddress, string clientAddress, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>A client of <paramref name="site"/> at <c>https://store.example.com</c> through the proxy (no auto redirect).</summary>
    public static HttpClient ClientOf(TestSite site, string proxyAddress, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(site);
        var server = (TestServer)site.Services.GetRequiredService<IServer>();
        return new HttpClient(new ReverseProxyHandler(new CookieContainer(), proxyAddress, clientAddress, server.CreateHandler()))
        {
            BaseAddress = new Uri("https://store.example.com"),
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var browserUri = request.RequestUri!;
        var header = cookies.GetCookieHeader(browserUri);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        request.RequestUri = new UriBuilder(browserUri) { Scheme = Uri.UriSchemeHttp, Port = -1 }.Uri;
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, proxyAddress);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", browserUri.Scheme);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                cookies.SetCookies(browserUri, value);
            }
        }

        return response;
    }
}

using Microsoft.Net.Http.Headers;

namespace StoreSite.Tests.Host.Support;

/// <summary>The cookies a response sets, and whether it asks for HSTS.</summary>
public static class ResponseCookies
{
    public const string Hsts = "Strict-Transport-Security";

    /// <summary>The <c>Set-Cookie</c> of <paramref name="name"/>; fails when the response does not set it.</summary>
    public static SetCookieHeaderValue SetCookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        var values = response.Headers.TryGetValues("Set-Cookie", out var headers) ? headers.ToList() : [];
        var cookie = values.Select(v => SetCookieHeaderValue.Parse(v)).FirstOrDefault(c => c.Name.Equals(name, StringComparison.Ordinal));
        Assert.True(cookie is not null, $"No Set-Cookie {name} in [{string.Join(" | ", values)}]");
        return cookie!;
    }

    public static bool HasHsts(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Contains(Hsts);
    }
}

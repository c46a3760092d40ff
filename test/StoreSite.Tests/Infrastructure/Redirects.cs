namespace StoreSite.Tests.Infrastructure;

/// <summary>Reads a redirect's <c>Location</c>, which the site writes relative (never from the request's Host).</summary>
public static class Redirects
{
    /// <summary>The location resolved against the test client's base address.</summary>
    public static Uri? Target(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        return location is null ? null : location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
    }
}

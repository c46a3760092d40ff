using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StoreSite.Web.Recipes;

namespace StoreSite.Web.Hosting;

/// <summary>
/// The address the server itself listens on: what links in mail use when no public address is
/// configured or recorded. Taken from the addresses the server bound (<see cref="IServerAddressesFeature"/>),
/// else the <c>urls</c> setting, else <c>http://localhost/</c>; an https address is preferred, and a
/// wildcard host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) becomes <c>localhost</c>. Never a request's Host.
/// </summary>
public sealed class ListeningAddress(IServer server, IConfiguration configuration)
{
    public static readonly Uri Fallback = new("http://localhost/");

    public Uri Get()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        IReadOnlyList<string> addresses = bound.Count > 0
            ? bound
            : (configuration[WebHostDefaults.ServerUrlsKey] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Choose(addresses);
    }

    /// <summary>The first usable https address, else the first usable http one, else <see cref="Fallback"/>.</summary>
    public static Uri Choose(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        Uri? http = null;
        foreach (var address in addresses)
        {
            if (Parse(address) is not { } uri)
            {
                continue;
            }

            if (uri.Scheme == Uri.UriSchemeHttps)
            {
                return uri;
            }

            http ??= uri;
        }

        return http ?? Fallback;
    }

    /// <summary>
    /// A listening address as a base address (<c>http://+:8080</c> -> <c>http://localhost:8080/</c>);
    /// null when it is not http or https, has no usable port, or fails the public address rule.
    /// </summary>
    public static Uri? Parse(string? address)
    {
        var value = address?.Trim() ?? string.Empty;
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var scheme = value[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }

        var rest = value[(schemeEnd + 3)..];
        var authority = rest.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? rest[..slash] : rest;
        string host;
        string? port;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            host = authority[..(close + 1)];
            port = authority[(close + 1)..] is [':', .. var digits] ? digits : null;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (host is "" or "+" or "*" or "0.0.0.0" or "[::]" or "[::0]" or "[0:0:0:0:0:0:0:0]")
        {
            host = "localhost";
        }

        if (port is not null && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535))
        {
            return null;
        }

        var candidate = port is null ? $"{scheme}://{host}/" : $"{scheme}://{host}:{port}/";
        return SiteSettingsRules.PublicUrl(candidate) is { } normalized ? new Uri(normalized) : null;
    }
}

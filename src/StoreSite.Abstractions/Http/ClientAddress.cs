using Microsoft.AspNetCore.Http;
using System.Net;

namespace StoreSite.Http;

/// <summary>The client's address after trusted forwarded headers; IPv4-mapped IPv6 counts as IPv4.</summary>
public static class ClientAddress
{
    public static IPAddress? Address(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
    }

    /// <summary>The address as a partition key for rate limits.</summary>
    public static string Of(HttpContext context) => Address(context)?.ToString() ?? "unknown";
}

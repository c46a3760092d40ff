using System.Net;
using System.Net.Sockets;

namespace StoreSite.Tests.Resilience;

/// <summary>
/// HTTP clients whose connections come from a chosen loopback address (any 127.x.y.z on Linux), so
/// that each simulated installation of a product calls a <see cref="Infrastructure.ServerProcess"/>
/// from its own IP over a real socket.
/// </summary>
internal static class LoopbackClient
{
    /// <summary>The <paramref name="index"/>-th address of the 127.<paramref name="network"/>.0.0/16 block (never .0 or .255 last).</summary>
    public static IPAddress Address(int network, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, 254 * 256);
        return new IPAddress([127, (byte)network, (byte)(index / 254), (byte)(1 + (index % 254))]);
    }

    /// <summary>A client of <paramref name="baseAddress"/> whose connections are bound to <paramref name="source"/>; no cookies, no redirects.</summary>
    public static HttpClient From(IPAddress source, Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = (context, cancellationToken) => ConnectFromAsync(source, context.DnsEndPoint, cancellationToken),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress source, DnsEndPoint target, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

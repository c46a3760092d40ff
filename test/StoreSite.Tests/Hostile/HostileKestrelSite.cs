using System.Net;
using System.Net.Sockets;
using System.Text;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// A set-up store served by Kestrel on 127.0.0.1 (no public address configured or recorded), with one
/// customer, for requests whose headers only a raw socket can send as they are (two Host lines,
/// non-ASCII bytes): what a real client reaches, Kestrel's own checks included.
/// </summary>
public sealed class HostileKestrelSite : IAsyncLifetime
{
    public const string CustomerEmail = "kestrel.shopper@example.com";

    internal TestSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = TestSite.Start(o =>
        {
            o.Kestrel = true;
            o.Settings["StoreSite:SignIn:PermitPerMinute"] = "1000000";
        });
        using var client = CreateClient();
        using var registered = await client.SubmitFormAsync("/account/register", "form[action='/account/register']", new Dictionary<string, string>
        {
            ["Email"] = CustomerEmail,
            ["Password"] = TestSite.CustomerPassword,
            ["ConfirmPassword"] = TestSite.CustomerPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
    }

    /// <summary>A cookie-keeping client over a real socket; no redirects followed.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Site.BaseAddress };

    /// <summary>
    /// Posts the forgot-password form for <paramref name="email"/> as raw HTTP/1.1 with exactly these header
    /// lines (Host included, as UTF-8 bytes), using a token and cookies fetched normally; returns the status.
    /// </summary>
    public async Task<int> PostForgotPasswordAsync(string email, IEnumerable<(string Name, string Value)> headers)
    {
        var jar = new CookieContainer();
        using var client = CreateClient(jar);
        var page = await client.GetDocumentAsync("/account/forgot-password");
        var cookies = jar.GetCookieHeader(Site.BaseAddress);
        var body = $"__RequestVerificationToken={Uri.EscapeDataString(Html.AntiforgeryToken(page))}&Email={Uri.EscapeDataString(email)}";
        var request = new StringBuilder()
            .Append("POST /account/forgot-password HTTP/1.1\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        request.Append("Cookie: ").Append(cookies).Append("\r\n")
            .Append("Content-Type: application/x-www-form-urlencoded\r\n")
            .Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n")
            .Append("Connection: close\r\n\r\n")
            .Append(body);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Site.BaseAddress.Host, Site.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var status = await reader.ReadLineAsync() ?? throw new InvalidOperationException("The server closed the connection without an answer.");
        var parts = status.Split(' ');
        return int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<string> FingerprintAsync(bool withoutRefusals = false) => DatabaseFingerprint.TakeAsync(Site.AppData, withoutRefusals);

    public async Task DisposeAsync()
    {
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}

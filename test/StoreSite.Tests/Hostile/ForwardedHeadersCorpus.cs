using System.Text;
using AngleSharp.Html.Dom;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Hostile.HostileRequests;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Hostile X-Forwarded-For / X-Forwarded-Proto / X-Forwarded-Host headers on the Verify API, a page and
/// the sign-in form, each sent from an untrusted address and from the store's trusted proxy
/// (<see cref="HostileStore.TrustedProxy"/>). The documented answers: from an untrusted address the
/// headers are not read at all; from the proxy only the last X-Forwarded-For entry (ForwardLimit 1)
/// that parses as an address, and an X-Forwarded-Proto of http or https, are used; X-Forwarded-Host
/// never. So the full key stays full (403 max_activations), the page renders, the sign-in form says
/// the credentials are wrong; never a 5xx, nothing changed.
/// </summary>
internal static class ForwardedHeadersCorpus
{
    private const string Stranger = "198.51.100.77";
    private const string Domain = "shop.example.com";
    private const string Ip = "203.0.113.10";

    /// <summary>About 8 KB of addresses, the known environment's IP first.</summary>
    private static readonly string ManyEntries = HostileStore.KnownIp + ", " + string.Join(", ", Enumerable.Range(0, 700).Select(i => $"10.0.{i / 256}.{i % 256}"));

    private static readonly string EightKilobytes = new('9', 8 * 1024);

    public static Corpus<HostileStore> Cases { get; } = Build();

    private static Corpus<HostileStore> Build()
    {
        var corpus = new Corpus<HostileStore>();
        var senders = new[] { ("untrusted", Stranger), ("trusted proxy", HostileStore.TrustedProxy) };

        // Every case on the three surfaces, from both senders.
        void Both(string name, params (string Name, string Value)[] headers)
        {
            foreach (var (who, from) in senders)
            {
                Verify($"forwarded from {who}: {name}", from, headers);
                corpus.Add($"forwarded from {who}: {name} (page)", Who.Anonymous, Expect.Page(), (_, client) => SendFromAsync(client, HttpMethod.Get, "/account/login", from, null, headers));
                corpus.Add($"forwarded from {who}: {name} (sign-in)", Who.Anonymous, Expect.Message(string.Empty), (_, client) => SignInFromAsync(client, from, headers));
            }
        }

        void Verify(string name, string from, params (string Name, string Value)[] headers) =>
            corpus.Add($"{name} (verify)", Who.Anonymous, Expect.Api(403, "max_activations"), (site, client) =>
                SendFromAsync(client, HttpMethod.Post, "/api/v1/licenses/verify", from, new StringContent(VerifyBody(site.FullKey, Domain, Ip), Encoding.UTF8, "application/json"), headers));

        Both("X-Forwarded-For garbage", ("X-Forwarded-For", "not-an-address"));
        Both("X-Forwarded-For empty", ("X-Forwarded-For", string.Empty));
        Both("X-Forwarded-For unknown", ("X-Forwarded-For", "unknown"));
        Both("X-Forwarded-For of 8 KB", ("X-Forwarded-For", EightKilobytes));
        Both("X-Forwarded-For with many entries, the known IP first", ("X-Forwarded-For", ManyEntries));
        Both("X-Forwarded-For with the known IP then garbage", ("X-Forwarded-For", HostileStore.KnownIp + ", garbage"));
        Both("X-Forwarded-For of commas only", ("X-Forwarded-For", ",,, ,"));
        Both("X-Forwarded-For IPv6 with brackets and port", ("X-Forwarded-For", "[2001:db8::1]:443"));
        Both("X-Forwarded-For IPv6 with brackets, no port", ("X-Forwarded-For", "[2001:db8::1]"));
        Both("X-Forwarded-For IPv6 with an unclosed bracket", ("X-Forwarded-For", "[2001:db8::1:443"));
        Both("X-Forwarded-For IPv4 with a port", ("X-Forwarded-For", "198.51.100.5:8080"));
        Both("X-Forwarded-For IPv4 with a bad port", ("X-Forwarded-For", "198.51.100.5:99999"));
        Both("X-Forwarded-For port only", ("X-Forwarded-For", ":443"));
        Both("X-Forwarded-For with a zone index", ("X-Forwarded-For", "fe80::1%eth0"));
        Both("X-Forwarded-For non-ASCII", ("X-Forwarded-For", "\u0662\u0660\u0663.\u0660.\u0661\u0661\u0663.\u0661"));
        Both("X-Forwarded-For Latin-1 letters", ("X-Forwarded-For", "caf\u00e9, \u00fc\u00f1\u00ee"));
        Both("X-Forwarded-For markup", ("X-Forwarded-For", Markup));
        Both("X-Forwarded-For SQL", ("X-Forwarded-For", Sql));
        Both("X-Forwarded-For in two header instances", ("X-Forwarded-For", HostileStore.KnownIp), ("X-Forwarded-For", "198.51.100.5"));
        Both("X-Forwarded-For in three header instances, the last garbage", ("X-Forwarded-For", "198.51.100.5"), ("X-Forwarded-For", HostileStore.KnownIp), ("X-Forwarded-For", "garbage"));
        Both("X-Forwarded-Proto garbage", ("X-Forwarded-Proto", "ht!tp"));
        Both("X-Forwarded-Proto javascript", ("X-Forwarded-Proto", "javascript"));
        Both("X-Forwarded-Proto a URL", ("X-Forwarded-Proto", "https://evil.example"));
        Both("X-Forwarded-Proto of 8 KB", ("X-Forwarded-Proto", new string('h', 8 * 1024)));
        Both("X-Forwarded-Proto with many entries", ("X-Forwarded-Proto", string.Join(", ", Enumerable.Repeat("gopher", 500))));
        Both("X-Forwarded-Proto non-ASCII", ("X-Forwarded-Proto", "htt\u00de"));
        Both("X-Forwarded-Proto in two header instances", ("X-Forwarded-Proto", "http"), ("X-Forwarded-Proto", "ftp"));
        Both("X-Forwarded-Proto with X-Forwarded-For garbage", ("X-Forwarded-Proto", "http"), ("X-Forwarded-For", "garbage"));
        Both("X-Forwarded-Host of another site", ("X-Forwarded-Host", "evil.example"));
        Both("X-Forwarded-Host garbage", ("X-Forwarded-Host", "evil.example:abc/../\u00e9"));
        Both("X-Forwarded-Prefix", ("X-Forwarded-Prefix", "/evil"));
        Both("Forwarded header (RFC 7239)", ("Forwarded", $"for={HostileStore.KnownIp};proto=https;host=evil.example"));
        Both("X-Real-IP and X-Client-IP", ("X-Real-IP", HostileStore.KnownIp), ("X-Client-IP", HostileStore.KnownIp));

        // From an untrusted address even a well-formed header naming the known environment is not read.
        Verify("forwarded from untrusted: X-Forwarded-For of the known IP", Stranger, ("X-Forwarded-For", HostileStore.KnownIp));
        Verify("forwarded from untrusted: X-Forwarded-For of the known IP, IPv4-mapped with brackets and port", Stranger, ("X-Forwarded-For", $"[::ffff:{HostileStore.KnownIp}]:443"));
        Verify("forwarded from untrusted: X-Forwarded-For of the known IP with a port", Stranger, ("X-Forwarded-For", HostileStore.KnownIp + ":80"));
        return corpus;
    }

    private static async Task<HttpResponseMessage> SendFromAsync(HttpClient client, HttpMethod method, string url, string from, HttpContent? content, (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, from);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The sign-in form, read and posted with the same headers, with an unknown account.</summary>
    private static async Task<HttpResponseMessage> SignInFromAsync(HttpClient client, string from, (string Name, string Value)[] headers)
    {
        using var page = await SendFromAsync(client, HttpMethod.Get, "/account/login", from, null, headers);
        var form = (await Html.ParseAsync(page)).QuerySelector("form[action='/account/login']") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No sign-in form ({(int)page.StatusCode}).");
        var fields = Html.FormFields(form);
        fields.RemoveAll(f => f.Key is "Email" or "Password");
        fields.Add(new("Email", "nobody@example.com"));
        fields.Add(new("Password", "Wrong-Passw0rd"));
        return await SendFromAsync(client, HttpMethod.Post, "/account/login", from, new FormUrlEncodedContent(fields), headers);
    }
}

using System.Text;
using static StoreSite.Tests.Hostile.HostileRequests;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Malformed calls of the Verify API, each with its documented answer (docs/verify-api.md). They
/// come from an address that is on no allow-list, so none of them can match an environment.
/// </summary>
internal static class VerifyCorpus
{
    private const string Stranger = "198.51.100.77";
    private const string Domain = "shop.example.com";
    private const string Ip = "203.0.113.10";

    public static Corpus<HostileStore> Cases { get; } = Build();

    private static Corpus<HostileStore> Build()
    {
        var corpus = new Corpus<HostileStore>();
        void Body(string name, int status, string code, Func<HostileStore, string> body, string? contentType = "application/json") =>
            corpus.Add(name, Who.Anonymous, Expect.Api(status, code), (site, client) => VerifyAsync(client, body(site), contentType, Stranger));
        void Fields(string name, int status, string code, Func<HostileStore, object?> key, object? domain, object? ip) =>
            Body(name, status, code, site => VerifyBody(key(site), domain, ip));
        void Method(string name, HttpMethod method) =>
            corpus.Add(name, Who.Anonymous, Expect.Error(405), (_, client) => SendAsync(client, method, "/api/v1/licenses/verify", new StringContent(VerifyBody("CP-X", Domain, Ip), Encoding.UTF8, "application/json")));

        // Not JSON, not an object, truncated or broken JSON: 400.
        Body("verify: empty body", 400, "bad_request", _ => string.Empty);
        Body("verify: white space only", 400, "bad_request", _ => "   \n\t ");
        Body("verify: lone brace", 400, "bad_request", _ => "{");
        Body("verify: truncated after a property name", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":");
        Body("verify: truncated inside a string", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey[..10]}");
        Body("verify: array", 400, "bad_request", _ => "[]");
        Body("verify: array of an object", 400, "bad_request", site => $"[{VerifyBody(site.UnknownKey, Domain, Ip)}]");
        Body("verify: string", 400, "bad_request", _ => "\"CP-ABC\"");
        Body("verify: number", 400, "bad_request", _ => "12345");
        Body("verify: null", 400, "bad_request", _ => "null");
        Body("verify: true", 400, "bad_request", _ => "true");
        Body("verify: two objects", 400, "bad_request", site => VerifyBody(site.UnknownKey, Domain, Ip) + VerifyBody(site.UnknownKey, Domain, Ip));
        Body("verify: object then garbage", 400, "bad_request", site => VerifyBody(site.UnknownKey, Domain, Ip) + " xyz");
        Body("verify: single quotes", 400, "bad_request", site => $"{{'license_key':'{site.UnknownKey}','domain':'{Domain}','ip':'{Ip}'}}");
        Body("verify: unquoted names", 400, "bad_request", site => $"{{license_key:\"{site.UnknownKey}\",domain:\"{Domain}\",ip:\"{Ip}\"}}");
        Body("verify: trailing comma", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\",}}");
        Body("verify: comment", 400, "bad_request", site => $"{{/* hi */\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"}}");
        Body("verify: NaN literal", 400, "bad_request", _ => "{\"license_key\":NaN,\"domain\":\"a.com\",\"ip\":\"1.2.3.4\"}");
        Body("verify: nested 100 deep", 400, "bad_request", _ => "{\"x\":" + new string('[', 100) + new string(']', 100) + "}");
        Body("verify: lone surrogate escape", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":\"\\uD800.com\",\"ip\":\"{Ip}\"}}");
        Body("verify: markup instead of JSON", 400, "bad_request", _ => Markup);
        Body("verify: SQL instead of JSON", 400, "bad_request", _ => Sql);
        corpus.Add("verify: invalid UTF-8 bytes", Who.Anonymous, Expect.Api(400, "bad_request"), (_, client) =>
            VerifyBytesAsync(client, [0x7B, 0x22, 0xFF, 0xFE, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], from: Stranger));
        corpus.Add("verify: invalid UTF-8 inside the domain", Who.Anonymous, Expect.Api(400, "bad_request"), (site, client) =>
            VerifyBytesAsync(client, [.. Encoding.UTF8.GetBytes($"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":\"a"), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes($".com\",\"ip\":\"{Ip}\"}}")], from: Stranger));
        corpus.Add("verify: invalid UTF-8 in an ignored property", Who.Anonymous, Expect.Api(400, "bad_request"), (site, client) =>
            VerifyBytesAsync(client, [.. Encoding.UTF8.GetBytes("{\"x\":\""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes($"\",\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"}}")], from: Stranger));
        corpus.Add("verify: UTF-16 body labelled UTF-8", Who.Anonymous, Expect.Api(400, "bad_request"), (site, client) =>
            VerifyBytesAsync(client, Encoding.Unicode.GetBytes(VerifyBody(site.UnknownKey, Domain, Ip)), from: Stranger));

        // Too large: 413 before anything is parsed.
        Fields("verify: 1 MB license_key", 413, "too_large", _ => Megabyte, Domain, Ip);
        Fields("verify: 1 MB domain", 413, "too_large", site => site.UnknownKey, Megabyte, Ip);
        Fields("verify: 1 MB ip", 413, "too_large", site => site.UnknownKey, Domain, Megabyte);
        Body("verify: 9 KB of white space around a valid body", 413, "too_large", site => new string(' ', 9000) + VerifyBody(site.UnknownKey, Domain, Ip));
        Body("verify: 1 MB of garbage", 413, "too_large", _ => Megabyte);

        // Wrong content types: 415.
        Body("verify: no content type", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), contentType: null);
        Body("verify: text/plain", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "text/plain");
        Body("verify: form urlencoded", 415, "unsupported_media_type", site => $"license_key={site.UnknownKey}&domain={Domain}&ip={Ip}", "application/x-www-form-urlencoded");
        Body("verify: multipart", 415, "unsupported_media_type", site => $"--b\r\nContent-Disposition: form-data; name=\"license_key\"\r\n\r\n{site.UnknownKey}\r\n--b--\r\n", "multipart/form-data; boundary=b");
        Body("verify: XML", 415, "unsupported_media_type", site => $"<verify><license_key>{site.UnknownKey}</license_key></verify>", "application/xml");
        Body("verify: json-patch media type", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "application/json-patch+json");
        Body("verify: JSON in latin1", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "application/json; charset=iso-8859-1");
        Body("verify: JSON in UTF-16", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "application/json; charset=utf-16");

        // Missing fields and wrong JSON types: 422 with the field's message.
        Body("verify: empty object", 422, "validation_failed", _ => "{}");
        Body("verify: only license_key", 422, "validation_failed", site => $"{{\"license_key\":\"{site.UnknownKey}\"}}");
        Body("verify: misspelled field names", 422, "validation_failed", site => $"{{\"licenseKey\":\"{site.UnknownKey}\",\"Domain\":\"{Domain}\",\"IP\":\"{Ip}\"}}");
        Fields("verify: all null", 422, "validation_failed", _ => null, null, null);
        Fields("verify: license_key number", 422, "validation_failed", _ => 123456, Domain, Ip);
        Fields("verify: license_key true", 422, "validation_failed", _ => true, Domain, Ip);
        Fields("verify: license_key array", 422, "validation_failed", site => new[] { site.UnknownKey }, Domain, Ip);
        Fields("verify: license_key object", 422, "validation_failed", site => new { key = site.UnknownKey }, Domain, Ip);
        Fields("verify: license_key empty", 422, "validation_failed", _ => string.Empty, Domain, Ip);
        Fields("verify: license_key white space", 422, "validation_failed", _ => " \t\r\n ", Domain, Ip);
        Fields("verify: domain number", 422, "validation_failed", site => site.UnknownKey, 42, Ip);
        Fields("verify: domain object", 422, "validation_failed", site => site.UnknownKey, new { host = Domain }, Ip);
        Fields("verify: ip number", 422, "validation_failed", site => site.UnknownKey, Domain, 3232235777L);
        Fields("verify: ip array", 422, "validation_failed", site => site.UnknownKey, Domain, new[] { 203, 0, 113, 10 });
        Fields("verify: ip float", 422, "validation_failed", site => site.UnknownKey, Domain, 1.5);

        // Domains that are no host name: 422.
        Fields("verify: domain SQL", 422, "validation_failed", site => site.UnknownKey, Sql, Ip);
        Fields("verify: domain markup", 422, "validation_failed", site => site.UnknownKey, Markup, Ip);
        Fields("verify: domain with right-to-left override", 422, "validation_failed", site => site.UnknownKey, "apple\u202Emoc.", Ip);
        Fields("verify: domain led by a right-to-left mark", 422, "validation_failed", site => site.UnknownKey, "\u200Fapple.com", Ip);
        Fields("verify: domain with NUL", 422, "validation_failed", site => site.UnknownKey, "apple.com\u0000.evil.com", Ip);
        Fields("verify: domain with CRLF header injection", 422, "validation_failed", site => site.UnknownKey, "apple.com\r\nX-Injected: 1", Ip);
        Fields("verify: domain with control characters", 422, "validation_failed", site => site.UnknownKey, Controls, Ip);
        Fields("verify: domain empty label", 422, "validation_failed", site => site.UnknownKey, "apple..com", Ip);
        Fields("verify: domain leading hyphen", 422, "validation_failed", site => site.UnknownKey, "-apple.com", Ip);
        Fields("verify: domain label of 64", 422, "validation_failed", site => site.UnknownKey, new string('a', 64) + ".com", Ip);
        Fields("verify: domain of 254", 422, "validation_failed", site => site.UnknownKey, string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".com", Ip);
        Fields("verify: domain over 2 KB", 422, "validation_failed", site => site.UnknownKey, new string('a', 3000) + ".com", Ip);
        Fields("verify: domain wildcard", 422, "validation_failed", site => site.UnknownKey, "*.apple.com", Ip);
        Fields("verify: domain only a dot", 422, "validation_failed", site => site.UnknownKey, ".", Ip);
        Fields("verify: domain scheme only", 422, "validation_failed", site => site.UnknownKey, "http://", Ip);
        Fields("verify: domain javascript URL", 422, "validation_failed", site => site.UnknownKey, "javascript:alert(1)", Ip);
        Fields("verify: domain file URL", 422, "validation_failed", site => site.UnknownKey, "file:///etc/passwd", Ip);
        Fields("verify: domain bracketed IPv6", 422, "validation_failed", site => site.UnknownKey, "[::1]", Ip);
        Fields("verify: domain port out of range", 422, "validation_failed", site => site.UnknownKey, "apple.com:99999", Ip);
        Fields("verify: domain underscore", 422, "validation_failed", site => site.UnknownKey, "my_site.example.com", Ip);
        Fields("verify: domain percent-encoded", 422, "validation_failed", site => site.UnknownKey, "apple%2Ecom", Ip);
        Fields("verify: domain invalid IDN", 422, "validation_failed", site => site.UnknownKey, "xn--.com", Ip);

        // IPs that are no IPv4 or IPv6 address: 422.
        Fields("verify: ip octet over 255", 422, "validation_failed", site => site.UnknownKey, Domain, "999.1.1.1");
        Fields("verify: ip three parts", 422, "validation_failed", site => site.UnknownKey, Domain, "127.1.1");
        Fields("verify: ip hex", 422, "validation_failed", site => site.UnknownKey, Domain, "0x7f.0.0.1");
        Fields("verify: ip integer", 422, "validation_failed", site => site.UnknownKey, Domain, "2130706433");
        Fields("verify: ip bad IPv6", 422, "validation_failed", site => site.UnknownKey, Domain, "2001:db8::g");
        Fields("verify: ip SQL", 422, "validation_failed", site => site.UnknownKey, Domain, Sql);
        Fields("verify: ip markup", 422, "validation_failed", site => site.UnknownKey, Domain, Markup);
        Fields("verify: ip with NUL", 422, "validation_failed", site => site.UnknownKey, Domain, "203.0.113.10\u0000");
        Fields("verify: ip with right-to-left override", 422, "validation_failed", site => site.UnknownKey, Domain, "\u202E01.311.0.302");
        Fields("verify: ip empty", 422, "validation_failed", site => site.UnknownKey, Domain, string.Empty);
        Fields("verify: ip with CIDR suffix", 422, "validation_failed", site => site.UnknownKey, Domain, "203.0.113.0/24");
        Fields("verify: ip host name", 422, "validation_failed", site => site.UnknownKey, Domain, "localhost");
        Fields("verify: everything SQL", 422, "validation_failed", _ => Sql, Sql, Sql);

        // Keys that are not keys of this store: 403 before any lookup, or 404.
        Fields("verify: key SQL", 403, "invalid_format", _ => Sql, Domain, Ip);
        Fields("verify: key with SQL suffix", 403, "invalid_format", site => site.UnknownKey + "' OR 1=1 --", Domain, Ip);
        Fields("verify: key markup", 403, "invalid_format", _ => Markup, Domain, Ip);
        Fields("verify: key with right-to-left override", 403, "invalid_format", site => "\u202E" + site.UnknownKey, Domain, Ip);
        Fields("verify: key with NUL", 403, "invalid_format", site => site.UnknownKey[..10] + "\u0000" + site.UnknownKey[11..], Domain, Ip);
        Fields("verify: key with zero-width space", 403, "invalid_format", site => site.UnknownKey[..10] + "\u200B" + site.UnknownKey[10..], Domain, Ip);
        Fields("verify: key in full-width letters", 403, "invalid_format", site => new string(site.UnknownKey.Select(c => c is >= '0' and <= 'Z' ? (char)(c + 0xFEE0) : c).ToArray()), Domain, Ip);
        Fields("verify: key with Cyrillic look-alikes", 403, "invalid_format", site => site.UnknownKey.Replace('C', '\u0421').Replace('P', '\u0420'), Domain, Ip);
        Fields("verify: key with a wrong signature", 403, "invalid_format", site => site.UnknownKey[..^1] + (site.UnknownKey[^1] == '0' ? '1' : '0'), Domain, Ip);
        Fields("verify: key of another prefix", 403, "invalid_format", site => "XX" + site.UnknownKey[2..], Domain, Ip);
        Fields("verify: key without separators", 403, "invalid_format", site => site.UnknownKey.Replace("-", string.Empty, StringComparison.Ordinal), Domain, Ip);
        Fields("verify: key of 4 KB", 403, "invalid_format", _ => new string('Z', 4000), Domain, Ip);
        Fields("verify: key never issued", 404, "not_found", site => site.UnknownKey, Domain, Ip);
        Fields("verify: key never issued, domain with a zero-width space (IDNA drops it)", 404, "not_found", site => site.UnknownKey, "app\u200Ble.com", Ip);
        Fields("verify: key never issued in lower case with spaces", 404, "not_found", site => "  " + site.UnknownKey.ToLowerInvariant() + "\t", Domain, Ip);
        Body("verify: key never issued written with escapes", 404, "not_found", site => $"{{\"license_key\":\"\\u0043\\u0050{site.UnknownKey[2..]}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"}}");
        Body("verify: duplicate license_key, the last one garbage", 403, "invalid_format", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"license_key\":\"garbage\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"}}");
        Body("verify: unknown extra property of 6 KB", 404, "not_found", site => $"{{\"extra\":\"{new string('x', 6000)}\",\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"}}");

        // Keys that exist but may not activate anything more.
        Fields("verify: revoked key", 403, "revoked", site => site.RevokedKey, Domain, Ip);
        Fields("verify: expired key", 403, "expired", site => site.ExpiredKey, Domain, Ip);
        Fields("verify: full key from a new environment", 403, "max_activations", site => site.FullKey, Domain, Ip);
        Fields("verify: full key, Cyrillic look-alike of the known domain", 403, "max_activations", site => site.FullKey, "\u0430pple.com", Ip);
        Fields("verify: full key, punycode of the look-alike", 403, "max_activations", site => site.FullKey, "xn--pple-43d.com", Ip);
        Fields("verify: full key, all-Cyrillic look-alike", 403, "max_activations", site => site.FullKey, "\u0430\u0440\u0440\u04CF\u0435.com", Ip);
        Fields("verify: full key, Greek omicron look-alike URL", 403, "max_activations", site => site.FullKey, "https://www.\u03BFpple.com/", Ip);
        Fields("verify: full key, known domain as a subdomain", 403, "max_activations", site => site.FullKey, "apple.com.evil.example.com", Ip);
        Fields("verify: full key, known IP only in the ip field", 403, "max_activations", site => site.FullKey, Domain, HostileStore.KnownIp);

        // Wrong methods: 405.
        Method("verify: GET", HttpMethod.Get);
        Method("verify: PUT", HttpMethod.Put);
        Method("verify: DELETE", HttpMethod.Delete);
        Method("verify: PATCH", HttpMethod.Patch);
        return corpus;
    }
}

using System.Text;
using System.Text.Json;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Downloads;
using StoreSite.Tests.Licensing;
using static StoreSite.Tests.Hostile.HostileRequests;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Malformed calls of the Verify API, of the Deactivate API (the same request) and of the update check
/// (the same request with its required <c>product</c> and <c>version</c>, which every case here carries
/// well-formed unless it is about them), each with its documented answer (docs/verify-api.md). They come
/// from an address that is on no allow-list, so none of them can match an environment: Verify and the
/// update check add none and Deactivate removes none.
/// </summary>
internal static class VerifyCorpus
{
    private const string Stranger = "198.51.100.77";
    private const string Domain = "shop.example.com";
    private const string Ip = "203.0.113.10";

    public static Corpus<HostileStore> Cases { get; } = Build("verify", "/api/v1/licenses/verify", LicensingArrange.PostAsync);

    public static Corpus<HostileStore> DeactivateCases { get; } = Build("deactivate", DeactivateArrange.DeactivateUrl, DeactivateArrange.PostDeactivateAsync);

    public static Corpus<HostileStore> UpdateCases { get; } = Build("updates", UpdateCheckArrange.UpdatesUrl, UpdateCheckArrange.PostUpdateAsync);

    private static Corpus<HostileStore> Build(string p, string route, Func<HttpClient, byte[], string?, string?, Task<HttpResponseMessage>> post)
    {
        var corpus = new Corpus<HostileStore>();
        var deactivate = p == "deactivate";
        var update = p == "updates";
        // The update check's required fields, well-formed, after Verify's (the hostile keys are of Site Builder Pro).
        var tail = update ? $",\"product\":\"{Store.SiteBuilder}\",\"version\":\"1.0.0\"" : string.Empty;
        string Request(object? key, object? domain, object? ip) => update ? UpdateBody(key, domain, ip, Store.SiteBuilder, "1.0.0") : VerifyBody(key, domain, ip);
        void Body(string name, int status, string code, Func<HostileStore, string> body, string? contentType = "application/json") =>
            corpus.Add(name, Who.Anonymous, Expect.Api(status, code), (site, client) => post(client, Encoding.UTF8.GetBytes(body(site)), contentType, Stranger));
        void Fields(string name, int status, string code, Func<HostileStore, object?> key, object? domain, object? ip) =>
            Body(name, status, code, site => Request(key(site), domain, ip));
        void Method(string name, HttpMethod method) =>
            corpus.Add(name, Who.Anonymous, Expect.Error(405), (_, client) => SendAsync(client, method, route, new StringContent(VerifyBody("CP-X", Domain, Ip), Encoding.UTF8, "application/json")));

        // Not JSON, not an object, truncated or broken JSON: 400.
        Body($"{p}: empty body", 400, "bad_request", _ => string.Empty);
        Body($"{p}: white space only", 400, "bad_request", _ => "   \n\t ");
        Body($"{p}: lone brace", 400, "bad_request", _ => "{");
        Body($"{p}: truncated after a property name", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":");
        Body($"{p}: truncated inside a string", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey[..10]}");
        Body($"{p}: array", 400, "bad_request", _ => "[]");
        Body($"{p}: array of an object", 400, "bad_request", site => $"[{VerifyBody(site.UnknownKey, Domain, Ip)}]");
        Body($"{p}: string", 400, "bad_request", _ => "\"CP-ABC\"");
        Body($"{p}: number", 400, "bad_request", _ => "12345");
        Body($"{p}: null", 400, "bad_request", _ => "null");
        Body($"{p}: true", 400, "bad_request", _ => "true");
        Body($"{p}: two objects", 400, "bad_request", site => VerifyBody(site.UnknownKey, Domain, Ip) + VerifyBody(site.UnknownKey, Domain, Ip));
        Body($"{p}: object then garbage", 400, "bad_request", site => VerifyBody(site.UnknownKey, Domain, Ip) + " xyz");
        Body($"{p}: single quotes", 400, "bad_request", site => $"{{'license_key':'{site.UnknownKey}','domain':'{Domain}','ip':'{Ip}'}}");
        Body($"{p}: unquoted names", 400, "bad_request", site => $"{{license_key:\"{site.UnknownKey}\",domain:\"{Domain}\",ip:\"{Ip}\"}}");
        Body($"{p}: trailing comma", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\",}}");
        Body($"{p}: comment", 400, "bad_request", site => $"{{/* hi */\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"}}");
        Body($"{p}: NaN literal", 400, "bad_request", _ => "{\"license_key\":NaN,\"domain\":\"a.com\",\"ip\":\"1.2.3.4\"}");
        Body($"{p}: nested 100 deep", 400, "bad_request", _ => "{\"x\":" + new string('[', 100) + new string(']', 100) + "}");
        Body($"{p}: lone surrogate escape", 400, "bad_request", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":\"\\uD800.com\",\"ip\":\"{Ip}\"}}");
        Body($"{p}: markup instead of JSON", 400, "bad_request", _ => Markup);
        Body($"{p}: SQL instead of JSON", 400, "bad_request", _ => Sql);
        corpus.Add($"{p}: invalid UTF-8 bytes", Who.Anonymous, Expect.Api(400, "bad_request"), (_, client) =>
            post(client, [0x7B, 0x22, 0xFF, 0xFE, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "application/json", Stranger));
        corpus.Add($"{p}: invalid UTF-8 inside the domain", Who.Anonymous, Expect.Api(400, "bad_request"), (site, client) =>
            post(client, [.. Encoding.UTF8.GetBytes($"{{\"license_key\":\"{site.UnknownKey}\",\"domain\":\"a"), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes($".com\",\"ip\":\"{Ip}\"}}")], "application/json", Stranger));
        corpus.Add($"{p}: invalid UTF-8 in an ignored property", Who.Anonymous, Expect.Api(400, "bad_request"), (site, client) =>
            post(client, [.. Encoding.UTF8.GetBytes("{\"x\":\""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes($"\",\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"}}")], "application/json", Stranger));
        corpus.Add($"{p}: UTF-16 body labelled UTF-8", Who.Anonymous, Expect.Api(400, "bad_request"), (site, client) =>
            post(client, Encoding.Unicode.GetBytes(VerifyBody(site.UnknownKey, Domain, Ip)), "application/json", Stranger));

        // Too large: 413 before anything is parsed.
        Fields($"{p}: 1 MB license_key", 413, "too_large", _ => Megabyte, Domain, Ip);
        Fields($"{p}: 1 MB domain", 413, "too_large", site => site.UnknownKey, Megabyte, Ip);
        Fields($"{p}: 1 MB ip", 413, "too_large", site => site.UnknownKey, Domain, Megabyte);
        Body($"{p}: 9 KB of white space around a valid body", 413, "too_large", site => new string(' ', 9000) + VerifyBody(site.UnknownKey, Domain, Ip));
        Body($"{p}: 1 MB of garbage", 413, "too_large", _ => Megabyte);

        // Wrong content types: 415.
        Body($"{p}: no content type", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), contentType: null);
        Body($"{p}: text/plain", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "text/plain");
        Body($"{p}: form urlencoded", 415, "unsupported_media_type", site => $"license_key={site.UnknownKey}&domain={Domain}&ip={Ip}", "application/x-www-form-urlencoded");
        Body($"{p}: multipart", 415, "unsupported_media_type", site => $"--b\r\nContent-Disposition: form-data; name=\"license_key\"\r\n\r\n{site.UnknownKey}\r\n--b--\r\n", "multipart/form-data; boundary=b");
        Body($"{p}: XML", 415, "unsupported_media_type", site => $"<verify><license_key>{site.UnknownKey}</license_key></verify>", "application/xml");
        Body($"{p}: json-patch media type", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "application/json-patch+json");
        Body($"{p}: JSON in latin1", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "application/json; charset=iso-8859-1");
        Body($"{p}: JSON in UTF-16", 415, "unsupported_media_type", site => VerifyBody(site.UnknownKey, Domain, Ip), "application/json; charset=utf-16");

        // Missing fields and wrong JSON types: 422 with the field's message.
        Body($"{p}: empty object", 422, "validation_failed", _ => "{}");
        Body($"{p}: only license_key", 422, "validation_failed", site => $"{{\"license_key\":\"{site.UnknownKey}\"}}");
        Body($"{p}: misspelled field names", 422, "validation_failed", site => $"{{\"licenseKey\":\"{site.UnknownKey}\",\"Domain\":\"{Domain}\",\"IP\":\"{Ip}\"}}");
        Fields($"{p}: all null", 422, "validation_failed", _ => null, null, null);
        Fields($"{p}: license_key number", 422, "validation_failed", _ => 123456, Domain, Ip);
        Fields($"{p}: license_key true", 422, "validation_failed", _ => true, Domain, Ip);
        Fields($"{p}: license_key array", 422, "validation_failed", site => new[] { site.UnknownKey }, Domain, Ip);
        Fields($"{p}: license_key object", 422, "validation_failed", site => new { key = site.UnknownKey }, Domain, Ip);
        Fields($"{p}: license_key empty", 422, "validation_failed", _ => string.Empty, Domain, Ip);
        Fields($"{p}: license_key white space", 422, "validation_failed", _ => " \t\r\n ", Domain, Ip);
        Fields($"{p}: domain number", 422, "validation_failed", site => site.UnknownKey, 42, Ip);
        Fields($"{p}: domain object", 422, "validation_failed", site => site.UnknownKey, new { host = Domain }, Ip);
        Fields($"{p}: ip number", 422, "validation_failed", site => site.UnknownKey, Domain, 3232235777L);
        Fields($"{p}: ip array", 422, "validation_failed", site => site.UnknownKey, Domain, new[] { 203, 0, 113, 10 });
        Fields($"{p}: ip float", 422, "validation_failed", site => site.UnknownKey, Domain, 1.5);

        // Domains that are no host name: 422.
        Fields($"{p}: domain SQL", 422, "validation_failed", site => site.UnknownKey, Sql, Ip);
        Fields($"{p}: domain markup", 422, "validation_failed", site => site.UnknownKey, Markup, Ip);
        Fields($"{p}: domain with right-to-left override", 422, "validation_failed", site => site.UnknownKey, "apple\u202Emoc.", Ip);
        Fields($"{p}: domain led by a right-to-left mark", 422, "validation_failed", site => site.UnknownKey, "\u200Fapple.com", Ip);
        Fields($"{p}: domain with NUL", 422, "validation_failed", site => site.UnknownKey, "apple.com\u0000.evil.com", Ip);
        Fields($"{p}: domain with CRLF header injection", 422, "validation_failed", site => site.UnknownKey, "apple.com\r\nX-Injected: 1", Ip);
        Fields($"{p}: domain with control characters", 422, "validation_failed", site => site.UnknownKey, Controls, Ip);
        Fields($"{p}: domain empty label", 422, "validation_failed", site => site.UnknownKey, "apple..com", Ip);
        Fields($"{p}: domain leading hyphen", 422, "validation_failed", site => site.UnknownKey, "-apple.com", Ip);
        Fields($"{p}: domain label of 64", 422, "validation_failed", site => site.UnknownKey, new string('a', 64) + ".com", Ip);
        Fields($"{p}: domain of 254", 422, "validation_failed", site => site.UnknownKey, string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".com", Ip);
        Fields($"{p}: domain over 2 KB", 422, "validation_failed", site => site.UnknownKey, new string('a', 3000) + ".com", Ip);
        Fields($"{p}: domain wildcard", 422, "validation_failed", site => site.UnknownKey, "*.apple.com", Ip);
        Fields($"{p}: domain only a dot", 422, "validation_failed", site => site.UnknownKey, ".", Ip);
        Fields($"{p}: domain scheme only", 422, "validation_failed", site => site.UnknownKey, "http://", Ip);
        Fields($"{p}: domain javascript URL", 422, "validation_failed", site => site.UnknownKey, "javascript:alert(1)", Ip);
        Fields($"{p}: domain file URL", 422, "validation_failed", site => site.UnknownKey, "file:///etc/passwd", Ip);
        Fields($"{p}: domain bracketed IPv6", 422, "validation_failed", site => site.UnknownKey, "[::1]", Ip);
        Fields($"{p}: domain port out of range", 422, "validation_failed", site => site.UnknownKey, "apple.com:99999", Ip);
        Fields($"{p}: domain underscore", 422, "validation_failed", site => site.UnknownKey, "my_site.example.com", Ip);
        Fields($"{p}: domain percent-encoded", 422, "validation_failed", site => site.UnknownKey, "apple%2Ecom", Ip);
        Fields($"{p}: domain invalid IDN", 422, "validation_failed", site => site.UnknownKey, "xn--.com", Ip);

        // IPs that are no IPv4 or IPv6 address: 422.
        Fields($"{p}: ip octet over 255", 422, "validation_failed", site => site.UnknownKey, Domain, "999.1.1.1");
        Fields($"{p}: ip three parts", 422, "validation_failed", site => site.UnknownKey, Domain, "127.1.1");
        Fields($"{p}: ip hex", 422, "validation_failed", site => site.UnknownKey, Domain, "0x7f.0.0.1");
        Fields($"{p}: ip integer", 422, "validation_failed", site => site.UnknownKey, Domain, "2130706433");
        Fields($"{p}: ip bad IPv6", 422, "validation_failed", site => site.UnknownKey, Domain, "2001:db8::g");
        Fields($"{p}: ip SQL", 422, "validation_failed", site => site.UnknownKey, Domain, Sql);
        Fields($"{p}: ip markup", 422, "validation_failed", site => site.UnknownKey, Domain, Markup);
        Fields($"{p}: ip with NUL", 422, "validation_failed", site => site.UnknownKey, Domain, "203.0.113.10\u0000");
        Fields($"{p}: ip with right-to-left override", 422, "validation_failed", site => site.UnknownKey, Domain, "\u202E01.311.0.302");
        Fields($"{p}: ip empty", 422, "validation_failed", site => site.UnknownKey, Domain, string.Empty);
        Fields($"{p}: ip with CIDR suffix", 422, "validation_failed", site => site.UnknownKey, Domain, "203.0.113.0/24");
        Fields($"{p}: ip host name", 422, "validation_failed", site => site.UnknownKey, Domain, "localhost");
        Fields($"{p}: everything SQL", 422, "validation_failed", _ => Sql, Sql, Sql);

        // Keys that are not keys of this store: 403 before any lookup, or 404.
        Fields($"{p}: key SQL", 403, "invalid_format", _ => Sql, Domain, Ip);
        Fields($"{p}: key with SQL suffix", 403, "invalid_format", site => site.UnknownKey + "' OR 1=1 --", Domain, Ip);
        Fields($"{p}: key markup", 403, "invalid_format", _ => Markup, Domain, Ip);
        Fields($"{p}: key with right-to-left override", 403, "invalid_format", site => "\u202E" + site.UnknownKey, Domain, Ip);
        Fields($"{p}: key with NUL", 403, "invalid_format", site => site.UnknownKey[..10] + "\u0000" + site.UnknownKey[11..], Domain, Ip);
        Fields($"{p}: key with zero-width space", 403, "invalid_format", site => site.UnknownKey[..10] + "\u200B" + site.UnknownKey[10..], Domain, Ip);
        Fields($"{p}: key in full-width letters", 403, "invalid_format", site => new string(site.UnknownKey.Select(c => c is >= '0' and <= 'Z' ? (char)(c + 0xFEE0) : c).ToArray()), Domain, Ip);
        Fields($"{p}: key with Cyrillic look-alikes", 403, "invalid_format", site => site.UnknownKey.Replace('C', '\u0421').Replace('P', '\u0420'), Domain, Ip);
        Fields($"{p}: key with a wrong signature", 403, "invalid_format", site => site.UnknownKey[..^1] + (site.UnknownKey[^1] == '0' ? '1' : '0'), Domain, Ip);
        Fields($"{p}: key of another prefix", 403, "invalid_format", site => "XX" + site.UnknownKey[2..], Domain, Ip);
        Fields($"{p}: key without separators", 403, "invalid_format", site => site.UnknownKey.Replace("-", string.Empty, StringComparison.Ordinal), Domain, Ip);
        Fields($"{p}: key of 4 KB", 403, "invalid_format", _ => new string('Z', 4000), Domain, Ip);
        Fields($"{p}: key never issued", 404, "not_found", site => site.UnknownKey, Domain, Ip);
        Fields($"{p}: key never issued, domain with a zero-width space (IDNA drops it)", 404, "not_found", site => site.UnknownKey, "app\u200Ble.com", Ip);
        Fields($"{p}: key never issued in lower case with spaces", 404, "not_found", site => "  " + site.UnknownKey.ToLowerInvariant() + "\t", Domain, Ip);
        Body($"{p}: key never issued written with escapes", 404, "not_found", site => $"{{\"license_key\":\"\\u0043\\u0050{site.UnknownKey[2..]}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"{tail}}}");
        Body($"{p}: duplicate license_key, the last one garbage", 403, "invalid_format", site => $"{{\"license_key\":\"{site.UnknownKey}\",\"license_key\":\"garbage\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"{tail}}}");
        Body($"{p}: unknown extra property of 6 KB", 404, "not_found", site => $"{{\"extra\":\"{new string('x', 6000)}\",\"license_key\":\"{site.UnknownKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\"{tail}}}");

        // Keys that exist but may not activate anything more (Verify), or have nothing this call may remove (Deactivate).
        var nothingToRemove = deactivate ? (404, "not_activated") : (403, "max_activations");
        Fields($"{p}: revoked key", 403, "revoked", site => site.RevokedKey, Domain, Ip);
        Fields($"{p}: expired key", deactivate ? 404 : 403, deactivate ? "not_activated" : "expired", site => site.ExpiredKey, Domain, Ip);
        Fields($"{p}: full key from a new environment", nothingToRemove.Item1, nothingToRemove.Item2, site => site.FullKey, Domain, Ip);
        Fields($"{p}: full key, Cyrillic look-alike of the known domain", nothingToRemove.Item1, nothingToRemove.Item2, site => site.FullKey, "\u0430pple.com", Ip);
        Fields($"{p}: full key, punycode of the look-alike", nothingToRemove.Item1, nothingToRemove.Item2, site => site.FullKey, "xn--pple-43d.com", Ip);
        Fields($"{p}: full key, all-Cyrillic look-alike", nothingToRemove.Item1, nothingToRemove.Item2, site => site.FullKey, "\u0430\u0440\u0440\u04CF\u0435.com", Ip);
        Fields($"{p}: full key, Greek omicron look-alike URL", nothingToRemove.Item1, nothingToRemove.Item2, site => site.FullKey, "https://www.\u03BFpple.com/", Ip);
        Fields($"{p}: full key, known domain as a subdomain", nothingToRemove.Item1, nothingToRemove.Item2, site => site.FullKey, "apple.com.evil.example.com", Ip);
        Fields($"{p}: full key, known IP only in the ip field", nothingToRemove.Item1, nothingToRemove.Item2, site => site.FullKey, Domain, HostileStore.KnownIp);
        if (deactivate)
        {
            Body($"{p}: full key, known domain, another product", 403, "product_mismatch", site => ProductBody(site.FullKey, HostileStore.KnownDomain, "another-product"));
            Body($"{p}: full key, known domain, product SQL", 422, "validation_failed", site => ProductBody(site.FullKey, HostileStore.KnownDomain, Sql));
            Body($"{p}: full key, known domain, nonce markup", 422, "validation_failed", site => $"{{\"license_key\":\"{site.FullKey}\",\"domain\":\"{HostileStore.KnownDomain}\",\"ip\":\"{Ip}\",\"nonce\":\"<b>x</b>\"}}");
            Body($"{p}: full key, known domain, product number", 422, "validation_failed", site => $"{{\"license_key\":\"{site.FullKey}\",\"domain\":\"{HostileStore.KnownDomain}\",\"ip\":\"{Ip}\",\"product\":7}}");
        }

        if (update)
        {
            // The update check's own fields: version required and SemVer 2.0, product required: 422 naming the field.
            void Version(string name, object? version) =>
                Body($"{p}: {name}", 422, "validation_failed", site => UpdateBody(site.FullKey, HostileStore.KnownDomain, Ip, Store.SiteBuilder, version));
            Version("version missing", null);
            Version("version empty", string.Empty);
            Version("version white space", " \t ");
            Version("version number", 1.5);
            Version("version array", new[] { 1, 0, 0 });
            Version("version object", new { major = 1 });
            Version("version true", true);
            Version("version two parts", "1.0");
            Version("version with a v", "v1.0.0");
            Version("version leading zero", "01.0.0");
            Version("version leading zero in a pre-release", "1.0.0-01");
            Version("version empty pre-release", "1.0.0-");
            Version("version empty build", "1.0.0+");
            Version("version padded", " 1.0.0 ");
            Version("version trailing newline", "1.0.0\n");
            Version("version with NUL", "1.0.0\u0000");
            Version("version in Arabic-Indic digits", "\u0661.\u0660.\u0660");
            Version("version in full-width digits", "\uFF11.0.0");
            Version("version with right-to-left override", "\u202E1.0.0");
            Version("version over 100 characters", "1.0.0-" + new string('a', 95));
            Version("version of 4 KB", new string('9', 4000));
            Version("version number overflow", "99999999999999999999.0.0");
            Version("version SQL", Sql);
            Version("version markup", Markup);
            Version("version control characters", Controls);
            Body($"{p}: product missing", 422, "validation_failed", site => UpdateBody(site.FullKey, HostileStore.KnownDomain, Ip, null, "1.0.0"));
            Body($"{p}: product SQL", 422, "validation_failed", site => UpdateBody(site.FullKey, HostileStore.KnownDomain, Ip, Sql, "1.0.0"));
            Body($"{p}: product number", 422, "validation_failed", site => UpdateBody(site.FullKey, HostileStore.KnownDomain, Ip, 7, "1.0.0"));
            Body($"{p}: everything missing but the key", 422, "validation_failed", site => $"{{\"license_key\":\"{site.FullKey}\"}}");
            Body($"{p}: another product", 403, "product_mismatch", site => UpdateBody(site.FullKey, HostileStore.KnownDomain, Ip, "backup-guard", "1.0.0"));
            Body($"{p}: a product that does not exist", 403, "product_mismatch", site => UpdateBody(site.FullKey, HostileStore.KnownDomain, Ip, "no-such-product", "1.0.0"));
            Body($"{p}: duplicate version, the last one garbage", 422, "validation_failed", site => $"{{\"license_key\":\"{site.FullKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\",\"product\":\"{Store.SiteBuilder}\",\"version\":\"1.0.0\",\"version\":\"x\"}}");
            Body($"{p}: full key, nonce markup", 422, "validation_failed", site => $"{{\"license_key\":\"{site.FullKey}\",\"domain\":\"{Domain}\",\"ip\":\"{Ip}\",\"product\":\"{Store.SiteBuilder}\",\"version\":\"1.0.0\",\"nonce\":\"<b>x</b>\"}}");
        }

        // Wrong methods: 405.
        Method($"{p}: GET", HttpMethod.Get);
        Method($"{p}: PUT", HttpMethod.Put);
        Method($"{p}: DELETE", HttpMethod.Delete);
        Method($"{p}: PATCH", HttpMethod.Patch);
        return corpus;
    }

    private static string UpdateBody(object? licenseKey, object? domain, object? ip, object? product, object? version)
    {
        var body = new Dictionary<string, object?> { ["license_key"] = licenseKey, ["domain"] = domain, ["ip"] = ip };
        if (product is not null)
        {
            body["product"] = product;
        }

        if (version is not null)
        {
            body["version"] = version;
        }

        return JsonSerializer.Serialize(body);
    }

    private static string ProductBody(string licenseKey, string domain, string product) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["license_key"] = licenseKey, ["domain"] = domain, ["ip"] = Ip, ["product"] = product });
}

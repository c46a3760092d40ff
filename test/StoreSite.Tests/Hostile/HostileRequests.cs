using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Hostile;

/// <summary>Builds hostile requests: raw Verify bodies, and form posts made from a real page's form with fields overridden.</summary>
internal static class HostileRequests
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>A string of 1 MiB.</summary>
    public static readonly string Megabyte = new('A', 1024 * 1024);

    public const string Sql = "' OR '1'='1'; DROP TABLE \"Licenses\"; --";

    public const string Markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    public const string RightToLeft = "\u202Egnp.exe";

    /// <summary>Control characters a form can carry (a NUL makes the whole form unreadable: see <see cref="Nul"/>).</summary>
    public const string Controls = "a\u0007b\u001Bc\r\nd\u0008e\u007F";

    /// <summary>ASP.NET Core refuses to read a form holding a NUL: such posts answer 400.</summary>
    public const string Nul = "admin@example.com\u0000";

    /// <summary>
    /// Host headers a client may send instead of the site's own, each with a label for the case name. Links in
    /// mail never come from them (a site without a public address links to its server's address).
    /// </summary>
    public static readonly (string Label, (string Name, string Value)[] Headers)[] HostileHosts =
    [
        ("Host evil.example", [("Host", "evil.example")]),
        ("Host evil.example with a port", [("Host", "evil.example:8443")]),
        ("Host of 10,000 characters", [("Host", new string('a', 10_000) + ".example")]),
        ("non-ASCII Host", [("Host", "b\u00FCcher.example")]),
        ("empty Host", [("Host", string.Empty)]),
        ("Host localhost:99999", [("Host", "localhost:99999")]),
        ("two Host values", [("Host", "localhost"), ("Host", "evil.example")]),
        ("X-Forwarded-Host evil.example", [("X-Forwarded-Host", "evil.example")]),
    ];

    /// <summary>Values the public address field (setup page, Admin -> Settings) must refuse with its message, each with a label.</summary>
    public static readonly (string Label, string Value)[] BadPublicUrls =
    [
        ("ftp address", "ftp://store.example.com/"),
        ("no scheme", "store.example.com"),
        ("relative path", "/account"),
        ("javascript address", "javascript:alert(1)"),
        ("data address", "data:text/html,<script>alert(1)</script>"),
        ("user name and password", "https://owner:secret@store.example.com/"),
        ("host hidden behind an @", "https://store.example.com@evil.example/"),
        ("backslash trick", "https://evil.example\\@store.example.com/"),
        ("query", "https://store.example.com/?utm=mail"),
        ("fragment", "https://store.example.com/#top"),
        ("port 99999", "https://store.example.com:99999/"),
        ("host of 300 characters", "https://" + new string('a', 300) + ".example/"),
        ("1 MB", "https://" + Megabyte),
        ("markup", "https://store.example.com/" + Markup),
        ("SQL", "https://store.example.com/" + Sql),
        ("control characters", "https://store.example.com/" + Controls),
        ("right-to-left override", "https://store.example.com/" + RightToLeft),
        ("line separator", "https://store.example.com/\u2028next"),
        ("white space in the host", "https://store example.com/"),
    ];

    /// <summary>POSTs raw text to the Verify API.</summary>
    public static Task<HttpResponseMessage> VerifyAsync(HttpClient client, string body, string? contentType = "application/json", string? from = null) =>
        LicensingArrange.PostAsync(client, Encoding.UTF8.GetBytes(body), contentType, from);

    /// <summary>POSTs raw bytes to the Verify API.</summary>
    public static Task<HttpResponseMessage> VerifyBytesAsync(HttpClient client, byte[] body, string? contentType = "application/json", string? from = null) =>
        LicensingArrange.PostAsync(client, body, contentType, from);

    /// <summary>A Verify body with these values (any JSON types) under the documented names.</summary>
    public static string VerifyBody(object? licenseKey, object? domain, object? ip) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["license_key"] = licenseKey, ["domain"] = domain, ["ip"] = ip });

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> FormAsync(HttpClient client, string page, string? form, string action, params (string Name, string? Value)[] values) =>
        FormAsync(client, page, form, action, FormShape.UrlEncoded, values);

    /// <summary><paramref name="defaults"/> without the names <paramref name="values"/> sets, then <paramref name="values"/>.</summary>
    public static (string Name, string? Value)[] Merge((string Name, string? Value)[] defaults, (string Name, string? Value)[] values) =>
        [.. defaults.Where(d => !values.Any(v => v.Name == d.Name)), .. values];

    /// <summary>
    /// GETs <paramref name="page"/>, takes the fields of <paramref name="form"/> (or, when null, only the
    /// page's antiforgery token), replaces those named in <paramref name="values"/> (a null value
    /// removes the field; a name given twice sends it twice) and posts to <paramref name="action"/>.
    /// </summary>
    public static Task<HttpResponseMessage> FormAsync(HttpClient client, string page, string? form, string action, FormShape shape, params (string Name, string? Value)[] values) =>
        FormAsync(client, page, form, action, shape, [], values);

    /// <summary>
    /// As <see cref="FormAsync(HttpClient, string, string?, string, FormShape, (string Name, string? Value)[])"/>, the post
    /// carrying <paramref name="headers"/> as given, unvalidated (e.g. a <c>Host</c> of the client's choosing; a
    /// name given twice sends it twice); the page itself is fetched normally.
    /// </summary>
    public static async Task<HttpResponseMessage> FormAsync(HttpClient client, string page, string? form, string action, FormShape shape, (string Name, string Value)[] headers, params (string Name, string? Value)[] values)
    {
        var document = await client.GetDocumentAsync(page);
        List<KeyValuePair<string, string>> fields;
        if (form is null)
        {
            fields = [new(TokenField, Html.AntiforgeryToken(document))];
        }
        else
        {
            var element = document.QuerySelector(form) as IHtmlFormElement
                ?? throw new InvalidOperationException($"No form '{form}' on {page}.");
            fields = Html.FormFields(element);
        }

        foreach (var name in values.Select(v => v.Name).Distinct())
        {
            fields.RemoveAll(f => f.Key == name);
        }

        fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Name, v.Value!)));
        switch (shape)
        {
            case FormShape.NoToken:
                fields.RemoveAll(f => f.Key == TokenField);
                break;
            case FormShape.ForgedToken:
                fields.RemoveAll(f => f.Key == TokenField);
                fields.Add(new(TokenField, "CfDJ8" + new string('x', 150)));
                break;
        }

        using HttpContent content = shape switch
        {
            FormShape.Multipart => Multipart(fields),
            FormShape.Json => new StringContent(JsonSerializer.Serialize(fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value)), Encoding.UTF8, "application/json"),
            _ => new FormUrlEncodedContent(fields),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        foreach (var group in headers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
        {
            request.Headers.Remove(group.Key);
            if (!request.Headers.TryAddWithoutValidation(group.Key, group.Select(h => h.Value)))
            {
                throw new InvalidOperationException($"The client refuses to send the header {group.Key}.");
            }
        }

        return await client.SendAsync(request);
    }

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            var part = new StringContent(value, Encoding.UTF8);
            part.Headers.ContentType = null;
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
            content.Add(part);
        }

        return content;
    }
}

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
    public static async Task<HttpResponseMessage> FormAsync(HttpClient client, string page, string? form, string action, FormShape shape, params (string Name, string? Value)[] values)
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
        return await client.PostAsync(action, content);
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

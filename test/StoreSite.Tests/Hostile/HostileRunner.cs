using System.Net;
using System.Text.Json;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Runs one hostile case: fingerprint the database, send, check the answer (never a 5xx; the
/// expected 4xx, page or redirect), fingerprint again (nothing changed), and a normal request.
/// </summary>
internal static class HostileRunner
{
    private static readonly Dictionary<string, string> DocumentedReasons = new(StringComparer.Ordinal)
    {
        ["rate_limited"] = "Too many requests.",
        ["unsupported_media_type"] = "Content-Type must be application/json.",
        ["too_large"] = "Request body too large.",
        ["bad_request"] = "Malformed JSON body.",
        ["invalid_format"] = "Invalid license format.",
        ["not_found"] = "License not found.",
        ["revoked"] = "License has been revoked.",
        ["expired"] = "License expired.",
        ["max_activations"] = "Max activations exceeded.",
        ["product_mismatch"] = "License is for another product.",
        ["not_activated"] = "Environment is not activated.",
        ["deactivation_limit"] = "Deactivation limit reached.",
    };

    public static async Task RunAsync<TSite>(TSite site, HostileCase<TSite> hostile)
        where TSite : IHostileSite
    {
        // A refusal at the limit is written in the key's history by design; nothing else may change.
        var refusal = hostile.Expect is Expect.ApiFailure { Code: "max_activations" };
        var before = refusal ? await site.FingerprintAsync(withoutRefusals: true) : await site.FingerprintAsync();
        var client = site.Client(hostile.Who);
        using (var response = await hostile.SendAsync(site, client))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{hostile.Name} answered {(int)response.StatusCode}: {Excerpt(body)}");
            await AssertAnswerAsync(client, response, body, hostile.Expect, site.Expand);
        }

        Assert.Equal(before, refusal ? await site.FingerprintAsync(withoutRefusals: true) : await site.FingerprintAsync());
        await site.AssertServingAsync();
    }

    private static async Task AssertAnswerAsync(HttpClient client, HttpResponseMessage response, string body, Expect expect, Func<string, string> expand)
    {
        var status = (int)response.StatusCode;
        switch (expect)
        {
            case Expect.ApiFailure api:
                Assert.True(status == api.Status, $"Expected {api.Status} {api.Code}, got {status}: {Excerpt(body)}");
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                using (var json = JsonDocument.Parse(body))
                {
                    var root = json.RootElement;
                    Assert.False(root.GetProperty("valid").GetBoolean());
                    Assert.Equal(api.Code, root.GetProperty("code").GetString());
                    var reason = root.GetProperty("reason").GetString();
                    if (api.Code == "validation_failed")
                    {
                        var errors = root.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
                        Assert.Equal(errors[0], reason);
                    }
                    else
                    {
                        Assert.Equal(DocumentedReasons[api.Code], reason);
                    }
                }

                break;
            case Expect.FieldMessage message:
                Assert.True(status == 200, $"Expected the form again, got {status} {response.Headers.Location}: {Excerpt(body)}");
                var page = await Html.ParseAsync(response);
                Assert.NotNull(page.QuerySelector("form[method='post']"));
                if (message.Field == string.Empty)
                {
                    Assert.Contains(page.QuerySelectorAll(".validation-summary li"), li => li.TextContent.Trim().Length > 0);
                }
                else if (message.Field is not null)
                {
                    Assert.True(Html.FieldError(page, message.Field).Length > 0, $"No message next to {message.Field}: {await Html.MessagesAsync(response)}");
                }

                break;
            case Expect.ErrorPage error:
                Assert.True(status == error.Status, $"Expected the {error.Status} page, got {status} {response.Headers.Location}: {Excerpt(body)}");
                Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("section.error-page"));
                break;
            case Expect.PlainText plain:
                Assert.True(status == plain.Status, $"Expected a plain {plain.Status}, got {status} {response.Headers.Location}: {Excerpt(body)}");
                Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                Assert.InRange(body.Trim().Length, 1, 500);
                break;
            case Expect.FlashError flash:
                var target = expand(flash.Location);
                Assert.True(status == 302, $"Expected a redirect to {target}, got {status}: {Excerpt(body)}");
                Assert.Equal(target, response.Headers.Location?.OriginalString);
                var next = await client.GetDocumentAsync(target);
                Assert.True(next.QuerySelector(".notice-error")?.TextContent.Trim().Length > 0, $"No error notice on {target}.");
                break;
            case Expect.RedirectTo redirect:
                Assert.True(status == 302, $"Expected a redirect to {redirect.Prefix}…, got {status}: {Excerpt(body)}");
                var location = response.Headers.Location;
                Assert.StartsWith(redirect.Prefix, location is { IsAbsoluteUri: true } ? location.PathAndQuery : location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
                break;
            case Expect.Ok ok:
                Assert.True(status == 200, $"Expected a page, got {status} {response.Headers.Location}: {Excerpt(body)}");
                Assert.Equal(ok.MediaType, response.Content.Headers.ContentType?.MediaType);
                break;
            default:
                throw new InvalidOperationException($"Unknown expectation {expect}.");
        }
    }

    private static string Excerpt(string body) => body.Length <= 600 ? body : body[..600] + "…";
}

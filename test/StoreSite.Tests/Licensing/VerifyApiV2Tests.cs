using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CP.Licensing.Keys;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>API v2 on Verify (docs/verify-api.md): product scope, nonce, checked_at, signed answers, suspended.</summary>
public sealed class VerifyApiV2Tests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_key_of_the_named_product_is_valid_and_a_key_of_another_or_of_none_answers_product_mismatch()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await ProductsAsync(site, "gallery-pro", "slider-max");
        await RunRecipeAsync(site, LicensesStep(
            Keyed(License(product: "Gallery Pro"), "gallery-pro"),
            Keyed(License(product: "Slider Max"), "slider-max"),
            License(product: "Old manual key")));
        var keys = (await AllAsync(site)).Select(l => l.Key).ToList();
        var client = site.CreateClient();

        await AssertValidAsync(await CallAsync(client, new() { ["license_key"] = keys[0], ["product"] = "gallery-pro" }));
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = keys[1], ["product"] = "gallery-pro" }), 403, "License is for another product.", "product_mismatch");
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = keys[2], ["product"] = "gallery-pro" }), 403, "License is for another product.", "product_mismatch");
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = keys[0], ["product"] = "no-such-product" }), 403, "License is for another product.", "product_mismatch");

        // Without product, every valid key of the store passes (section 5 unchanged).
        await AssertValidAsync(await CallAsync(client, new() { ["license_key"] = keys[2] }));
        Assert.Empty((await AllAsync(site)).Single(l => l.Key == keys[1]).Activations);
    }

    [Fact]
    public async Task The_checks_run_in_the_documented_order()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await RunRecipeAsync(site, SettingsStep());
        await ProductsAsync(site, "gallery-pro", "slider-max");
        await RunRecipeAsync(site, LicensesStep(
            Keyed(License(product: "Slider Max", status: "Revoked"), "slider-max"),
            Keyed(License(product: "Gallery Pro", status: "Suspended", expiry: "2026-01-01"), "gallery-pro")));
        var keys = (await AllAsync(site)).Select(l => l.Key).ToList();
        var client = site.CreateClient();

        // A revoked key of another product: product_mismatch comes first.
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = keys[0], ["product"] = "gallery-pro" }), 403, "License is for another product.", "product_mismatch");
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = keys[0], ["product"] = "slider-max" }), 403, "License has been revoked.", "revoked");

        // A suspended key that has also expired: suspended comes first.
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = keys[1], ["product"] = "gallery-pro" }), 403, "License is suspended.", "suspended");
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = keys[1] }), 403, "License is suspended.", "suspended");

        // A made-up key of the right shape still answers not_found before anything about products.
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = SignedKey(), ["product"] = "gallery-pro" }), 404, "License not found.", "not_found");
    }

    [Theory]
    [InlineData("", "nonce must be 1 to 128 characters of A-Z, a-z, 0-9 and . _ ~ + / = -")]
    [InlineData("has space", "nonce must be 1 to 128 characters of A-Z, a-z, 0-9 and . _ ~ + / = -")]
    [InlineData("ünïcode", "nonce must be 1 to 128 characters of A-Z, a-z, 0-9 and . _ ~ + / = -")]
    [InlineData("<script>", "nonce must be 1 to 128 characters of A-Z, a-z, 0-9 and . _ ~ + / = -")]
    public async Task A_bad_nonce_answers_422_on_the_nonce_field_and_changes_nothing(string nonce, string message)
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 1);

        using var response = await CallAsync(site.CreateClient(), new() { ["license_key"] = key, ["nonce"] = nonce });

        var body = await AssertFailureAsync(response, 422, message, "validation_failed");
        Assert.Equal(message, body.GetProperty("errors").GetProperty("nonce")[0].GetString());
        Assert.False(body.TryGetProperty("nonce", out _));
        Assert.False(response.Headers.Contains("X-License-Signature"));
        Assert.Empty((await LoadAsync(site, key)).Activations);
    }

    [Fact]
    public async Task Nonces_of_129_characters_or_of_the_wrong_type_are_refused_and_128_are_accepted()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site);
        var client = site.CreateClient();

        await AssertValidAsync(await CallAsync(client, new() { ["license_key"] = key, ["nonce"] = new string('a', 128) }));
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = key, ["nonce"] = new string('a', 129) }), 422, "nonce must be 1 to 128 characters of A-Z, a-z, 0-9 and . _ ~ + / = -", "validation_failed");
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = key, ["nonce"] = 42 }), 422, "nonce must be a string.", "validation_failed");
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = key, ["product"] = true }), 422, "product must be a string.", "validation_failed");
        await AssertFailureAsync(await CallAsync(client, new() { ["license_key"] = key, ["product"] = "Gallery Pro" }), 422, "product must be a product slug: 1 to 100 characters of a-z, 0-9 and hyphens.", "validation_failed");
    }

    [Fact]
    public async Task Every_answer_has_checked_at_in_utc_seconds()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = new DateTimeOffset(2026, 3, 10, 13, 4, 5, TimeSpan.FromHours(2)));
        await RunRecipeAsync(site, SettingsStep());
        var key = await IssueAsync(site);
        var client = site.CreateClient();

        var valid = await AssertValidAsync(await CallAsync(client, new() { ["license_key"] = key }));
        var refused = await JsonAsync(await CallAsync(client, new() { ["license_key"] = SignedKey() }));
        var malformed = await JsonAsync(await PostAsync(client, "not json"));

        foreach (var body in new[] { valid, refused, malformed })
        {
            Assert.Equal("2026-03-10T11:04:05Z", body.GetProperty("checked_at").GetString());
        }
    }

    [Fact]
    public async Task An_answer_to_a_call_with_a_nonce_echoes_it_and_is_signed_over_its_exact_bytes_with_the_published_key()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await RunRecipeAsync(site, SettingsStep());
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        var publicKey = await PublicKeyAsync(client);

        foreach (var (call, status) in new (JsonObject, HttpStatusCode)[]
        {
            (new() { ["license_key"] = key, ["nonce"] = "n-1.A_b~c+d/e=" }, HttpStatusCode.OK),
            (new() { ["license_key"] = SignedKey(), ["nonce"] = "n-2" }, HttpStatusCode.NotFound),
            (new() { ["license_key"] = key, ["domain"] = "not a domain", ["nonce"] = "n-3" }, HttpStatusCode.UnprocessableEntity),
        })
        {
            using var response = await CallAsync(client, call);
            Assert.Equal(status, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var header = Assert.Single(response.Headers.GetValues("X-License-Signature"));
            Assert.StartsWith("ed25519=", header, StringComparison.Ordinal);
            var signature = Convert.FromBase64String(header["ed25519=".Length..]);

            Assert.True(ResponseSigningKey.Verify(publicKey, bytes, signature));
            using var body = JsonDocument.Parse(bytes);
            Assert.Equal(call["nonce"]!.GetValue<string>(), body.RootElement.GetProperty("nonce").GetString());

            var changed = (byte[])bytes.Clone();
            changed[^3] ^= 0x01;
            Assert.False(ResponseSigningKey.Verify(publicKey, changed, signature));
        }
    }

    [Fact]
    public async Task Without_a_nonce_there_is_no_signature_and_no_nonce()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site);

        using var response = await CallAsync(site.CreateClient(), new() { ["license_key"] = key });

        Assert.False(response.Headers.Contains("X-License-Signature"));
        Assert.False((await AssertValidAsync(response)).TryGetProperty("nonce", out _));
    }

    [Fact]
    public async Task The_signing_key_endpoint_answers_the_public_key_of_the_seed_the_recipe_set()
    {
        var seed = ResponseSigningKey.NewSeed();
        using var expected = ResponseSigningKey.FromSeed(seed);
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await RunRecipeAsync(site, new JsonObject { ["name"] = "LicensingSettings", ["responseSigningKey"] = seed });

        using var response = await site.CreateClient().GetAsync("/api/v1/licenses/signing-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("ed25519", body.GetProperty("algorithm").GetString());
        Assert.Equal(expected.PublicKey, body.GetProperty("public_key").GetString());
        Assert.DoesNotContain(seed, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_has_a_signing_key_from_setup_and_the_recipe_cannot_change_it_once_keys_exist()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var before = await PublicKeyAsync(site.CreateClient());
        Assert.Equal(32, Convert.FromBase64String(before).Length);

        var bad = await TryRecipeAsync(site, new JsonObject { ["name"] = "LicensingSettings", ["responseSigningKey"] = "AAAA" });
        Assert.False(bad.Succeeded);
        Assert.Contains("responseSigningKey", bad.Error, StringComparison.Ordinal);

        await IssueAsync(site);
        var frozen = await TryRecipeAsync(site, new JsonObject { ["name"] = "LicensingSettings", ["responseSigningKey"] = ResponseSigningKey.NewSeed() });
        Assert.False(frozen.Succeeded);
        Assert.Contains("cannot change once license keys exist", frozen.Error, StringComparison.Ordinal);
        Assert.Equal(before, await PublicKeyAsync(site.CreateClient()));
    }

    [Fact]
    public async Task Keys_issued_for_an_order_carry_the_product_of_their_line()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        await OrderArrange.SavePlansAsync(site);
        var order = await OrderArrange.OrderAsync(site, "1001", Noon, (OrderArrange.SingleSitePlan, "Gallery Pro", 1));
        await OrderArrange.PaidAsync(site, order);

        var license = Assert.Single(await AllAsync(site));

        Assert.Equal(order.Lines[0].ProductId, license.ProductId);
    }

    /// <summary>Products with these slugs, one plan each (the Products recipe step).</summary>
    internal static Task ProductsAsync(TestSite site, params string[] slugs) => RunRecipeAsync(site, new JsonObject
    {
        ["name"] = "Products",
        ["products"] = new JsonArray(slugs.Select(slug => (JsonNode)new JsonObject
        {
            ["name"] = slug,
            ["slug"] = slug,
            ["plans"] = new JsonArray(new JsonObject { ["name"] = "Standard", ["price"] = 10 }),
        }).ToArray()),
    });

    /// <summary>A Licenses step entry for the product with <paramref name="slug"/>.</summary>
    internal static JsonObject Keyed(JsonObject license, string slug)
    {
        license["productSlug"] = slug;
        return license;
    }

    /// <summary>The public key the store publishes.</summary>
    internal static async Task<string> PublicKeyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/licenses/signing-key");
        return (await JsonAsync(response)).GetProperty("public_key").GetString()!;
    }

    /// <summary>A Verify call: <paramref name="fields"/> over a default domain and ip.</summary>
    private static Task<HttpResponseMessage> CallAsync(HttpClient client, JsonObject fields)
    {
        var body = new JsonObject { ["domain"] = "shop.example.com", ["ip"] = "203.0.113.10" };
        foreach (var (name, value) in fields)
        {
            body[name] = value?.DeepClone();
        }

        return PostAsync(client, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}

using System.Net;
using System.Text;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>Every row of the answers table in docs/verify-api.md, with exact status, reason and code.</summary>
public sealed class VerifyApiTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Valid_key_from_a_new_environment_answers_200_and_uses_one_slot()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 5, expiresOn: new DateOnly(2027, 3, 10), product: "Gallery Pro");

        using var response = await VerifyAsync(site.CreateClient(), key, "https://www.Shop.Example.com/wp-admin", ip: "10.9.9.9", from: "198.51.100.7");

        var body = await AssertValidAsync(response);
        Assert.Equal("""{"valid":true,"product":"Gallery Pro","expiry":"2027-03-10","lifetime":false,"activations":{"used":1,"max":5},"checked_at":"2026-03-10T12:00:00Z"}""", body.GetRawText());
        var license = await LoadAsync(site, key);
        var environment = Assert.Single(license.Activations);
        Assert.Equal("shop.example.com", environment.Domain);
        Assert.Equal("198.51.100.7", environment.Ip);
        Assert.Equal(Noon, environment.FirstSeenAt);
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Contains(license.Events, e => e.Kind == LicenseEventKind.Activated && e.Detail.Contains("shop.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lifetime_key_answers_expiry_null_and_lifetime_true()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);

        using var response = await VerifyAsync(site.CreateClient(), key, "example.com");

        var body = await AssertValidAsync(response);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("expiry").ValueKind);
        Assert.True(body.GetProperty("lifetime").GetBoolean());
    }

    [Fact]
    public async Task Too_many_calls_from_one_address_answer_429_with_retry_after_before_the_body_is_read()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "3");
        var client = site.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await PostAsync(client, "{}", from: "192.0.2.1");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
        }

        using var refused = await PostAsync(client, "not even json", contentType: "text/plain", from: "192.0.2.1");
        using var otherClient = await PostAsync(client, "{}", from: "192.0.2.2");

        await AssertFailureAsync(refused, 429, "Too many requests.", "rate_limited");
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherClient.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task Body_that_is_not_json_by_content_type_answers_415(string? contentType)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        using var response = await PostAsync(site.CreateClient(), Encoding.UTF8.GetBytes("""{"license_key":"x","domain":"a.com","ip":"1.2.3.4"}"""), contentType);

        await AssertFailureAsync(response, 415, "Content-Type must be application/json.", "unsupported_media_type");
    }

    [Fact]
    public async Task Body_over_8_KiB_answers_413_with_or_without_a_content_length()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var client = site.CreateClient();
        var big = $$"""{"license_key":"{{new string('A', 9000)}}","domain":"a.com","ip":"1.2.3.4"}""";

        using var withLength = await PostAsync(client, big);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, VerifyUrl) { Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(big))) };
        chunked.Content.Headers.ContentType = new("application/json");
        using var withoutLength = await client.SendAsync(chunked);
        using var huge = await PostAsync(client, new byte[2 * 1024 * 1024]);

        await AssertFailureAsync(withLength, 413, "Request body too large.", "too_large");
        await AssertFailureAsync(withoutLength, 413, "Request body too large.", "too_large");
        await AssertFailureAsync(huge, 413, "Request body too large.", "too_large");
    }

    [Fact]
    public async Task Body_of_exactly_8_KiB_is_read()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var json = """{"license_key":"CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4","domain":"a.com","ip":"1.2.3.4"}""";
        var body = json + new string(' ', 8192 - json.Length);

        using var response = await PostAsync(site.CreateClient(), body);

        await AssertFailureAsync(response, 403, "Invalid license format.", "invalid_format");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("[{\"license_key\":\"x\"}]")]
    [InlineData("\"license\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{\"license_key\":\"x\"")]
    [InlineData("{\"license_key\":\"x\"} trailing")]
    [InlineData("{\"license_key\":\"x\"}{}")]
    [InlineData("{\"license_key\":\"a\u0001b\",\"domain\":\"a.com\",\"ip\":\"1.2.3.4\"}")]
    [InlineData("{'license_key':'x'}")]
    [InlineData("{\"license_key\":\"x\", /* comment */ \"domain\":\"a.com\"}")]
    public async Task Body_that_is_not_a_json_object_answers_400(string body)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        using var response = await PostAsync(site.CreateClient(), body);

        await AssertFailureAsync(response, 400, "Malformed JSON body.", "bad_request");
    }

    [Fact]
    public async Task Invalid_utf8_answers_400()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var body = Encoding.UTF8.GetBytes("""{"license_key":"AB","domain":"a.com","ip":"1.2.3.4"}""");
        body[17] = 0xFF;

        using var response = await PostAsync(site.CreateClient(), body);

        await AssertFailureAsync(response, 400, "Malformed JSON body.", "bad_request");
    }

    [Fact]
    public async Task Missing_fields_answer_422_with_a_message_per_field_and_the_first_as_reason()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        using var response = await PostAsync(site.CreateClient(), """{"domain":"  ","other":{"nested":[1,2]}}""");

        var body = await AssertFailureAsync(response, 422, "license_key is required.", "validation_failed");
        var errors = body.GetProperty("errors");
        Assert.Equal("license_key is required.", errors.GetProperty("license_key")[0].GetString());
        Assert.Equal("domain is required.", errors.GetProperty("domain")[0].GetString());
        Assert.Equal("ip is required.", errors.GetProperty("ip")[0].GetString());
    }

    [Theory]
    [InlineData("""{"license_key":123,"domain":"a.com","ip":"1.2.3.4"}""", "license_key", "license_key must be a string.")]
    [InlineData("""{"license_key":"X","domain":["a.com"],"ip":"1.2.3.4"}""", "domain", "domain must be a string.")]
    [InlineData("""{"license_key":"X","domain":"a.com","ip":{"v4":"1.2.3.4"}}""", "ip", "ip must be a string.")]
    [InlineData("""{"license_key":true,"domain":"a.com","ip":"1.2.3.4"}""", "license_key", "license_key must be a string.")]
    [InlineData("""{"license_key":"X","domain":"not a host","ip":"1.2.3.4"}""", "domain", "domain must be a host name, host:port or URL.")]
    [InlineData("""{"license_key":"X","domain":"<script>alert(1)</script>","ip":"1.2.3.4"}""", "domain", "domain must be a host name, host:port or URL.")]
    [InlineData("""{"license_key":"X","domain":"a.com","ip":"1.2.3.4' OR 1=1 --"}""", "ip", "ip must be an IPv4 or IPv6 address.")]
    [InlineData("""{"license_key":"X","domain":"a.com","ip":"example.com"}""", "ip", "ip must be an IPv4 or IPv6 address.")]
    [InlineData("""{"license_key":"X","domain":"a.com\u0000b","ip":"1.2.3.4"}""", "domain", "domain must be a host name, host:port or URL.")]
    public async Task Bad_fields_answer_422_keyed_by_the_request_field_names(string body, string field, string message)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        using var response = await PostAsync(site.CreateClient(), body);

        var answer = await AssertFailureAsync(response, 422, message, "validation_failed");
        var errors = answer.GetProperty("errors");
        Assert.Equal(message, Assert.Single(errors.EnumerateObject()).Value[0].GetString());
        Assert.Equal(field, errors.EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Domain_longer_than_253_characters_answers_422()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var label = new string('a', 63);
        var domain = string.Join('.', label, label, label, label, "com");
        Assert.Equal(259, domain.Length);

        using var response = await VerifyAsync(site.CreateClient(), "X", domain);

        await AssertFailureAsync(response, 422, "domain must be a host name, host:port or URL.", "validation_failed");
    }

    [Theory]
    [InlineData("CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ5")]
    [InlineData("garbage")]
    [InlineData("CP-ABCDEF-123456-GHJKMN-PQRSTV")]
    [InlineData("' OR 1=1; DROP TABLE \"Licenses\"; --")]
    [InlineData("<script>alert('key')</script>")]
    public async Task Wrong_shape_or_signature_answers_403_invalid_format(string key)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        using var response = await VerifyAsync(site.CreateClient(), key, "example.com");

        await AssertFailureAsync(response, 403, "Invalid license format.", "invalid_format");
    }

    [Fact]
    public async Task Key_is_trimmed_and_upper_cased_before_any_check()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);

        using var response = await VerifyAsync(site.CreateClient(), $"  {key.ToLowerInvariant()}\t", "example.com");

        await AssertValidAsync(response);
    }

    [Fact]
    public async Task Well_signed_key_that_does_not_exist_answers_404()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, SettingsStep());

        using var response = await VerifyAsync(site.CreateClient(), "CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4", "example.com");

        await AssertFailureAsync(response, 404, "License not found.", "not_found");
    }

    [Fact]
    public async Task Revoked_key_answers_403_revoked_even_when_also_expired()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, expiresOn: new DateOnly(2026, 3, 1));
        var license = await LoadAsync(site, key);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicenseRevoker>().RevokeAsync(license.Id, "Chargeback", TestSite.AdminEmail, CancellationToken.None));

        using var response = await VerifyAsync(site.CreateClient(), key, "example.com");

        await AssertFailureAsync(response, 403, "License has been revoked.", "revoked");
    }

    [Fact]
    public async Task Key_is_valid_on_its_expiry_date_and_expired_the_day_after()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = new DateTimeOffset(2026, 2, 28, 23, 59, 0, TimeSpan.Zero));
        var key = await IssueAsync(site, maxActivations: 1, expiresOn: new DateOnly(2026, 2, 28));
        var client = site.CreateClient();

        using var onTheDay = await VerifyAsync(client, key, "example.com");
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        using var dayAfter = await VerifyAsync(client, key, "example.com");

        await AssertValidAsync(onTheDay);
        await AssertFailureAsync(dayAfter, 403, "License expired.", "expired");
    }

    [Fact]
    public async Task New_environment_without_a_free_slot_answers_403_max_activations_and_changes_nothing()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 2);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "one.example.com", from: "198.51.100.1"));
        await AssertValidAsync(await VerifyAsync(client, key, "two.example.com", from: "198.51.100.2"));

        using var third = await VerifyAsync(client, key, "three.example.com", from: "198.51.100.3");
        using var knownAgain = await VerifyAsync(client, key, "one.example.com", from: "198.51.100.1");

        await AssertFailureAsync(third, 403, "Max activations exceeded.", "max_activations");
        var body = await AssertValidAsync(knownAgain);
        Assert.Equal(2, body.GetProperty("activations").GetProperty("used").GetInt32());
        var license = await LoadAsync(site, key);
        Assert.Equal(2, license.ActivationsUsed);
        Assert.Equal(2, license.Activations.Count);
    }

    [Fact]
    public async Task Checks_run_in_the_documented_order()
    {
        await using var site = await LicensingSite.StartAsync();
        var client = site.CreateClient();

        // 422 before 403: a bad field wins over a bad key.
        using var badFieldAndKey = await VerifyAsync(client, "garbage", "not a domain");
        // 400 before 422, 413 before 400, 415 before 413.
        using var notAnObject = await PostAsync(client, "[1]");
        using var bigGarbage = await PostAsync(client, new string('x', 9000));
        using var bigText = await PostAsync(client, new string('x', 9000), contentType: "text/plain");

        await AssertFailureAsync(badFieldAndKey, 422, "domain must be a host name, host:port or URL.", "validation_failed");
        await AssertFailureAsync(notAnObject, 400, "Malformed JSON body.", "bad_request");
        await AssertFailureAsync(bigGarbage, 413, "Request body too large.", "too_large");
        await AssertFailureAsync(bigText, 415, "Content-Type must be application/json.", "unsupported_media_type");
    }

    [Fact]
    public async Task Same_environment_in_other_spellings_uses_no_new_slot()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1, matchBy: LicenseMatchRule.Domain);
        var client = site.CreateClient();
        string[] spellings = ["bücher.example.com", "BÜCHER.example.com", "www.bücher.example.com.", "https://www.xn--bcher-kva.example.com:8443/shop?x=1", "XN--BCHER-KVA.EXAMPLE.COM:80", "http://bücher.example.com/"];

        foreach (var (spelling, i) in spellings.Select((s, i) => (s, i)))
        {
            using var response = await VerifyAsync(client, key, spelling, from: $"198.51.100.{i + 1}");
            var body = await AssertValidAsync(response);
            Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        }

        var environment = Assert.Single((await LoadAsync(site, key)).Activations);
        Assert.Equal("xn--bcher-kva.example.com", environment.Domain);
    }

    [Fact]
    public async Task Ipv4_mapped_ipv6_connection_address_counts_as_its_ipv4_address()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1, matchBy: LicenseMatchRule.Ip);
        var client = site.CreateClient();

        await AssertValidAsync(await VerifyAsync(client, key, "one.example.com", from: "::ffff:198.51.100.7"));
        using var sameAddress = await VerifyAsync(client, key, "two.example.com", from: "198.51.100.7");

        await AssertValidAsync(sameAddress);
        Assert.Equal("198.51.100.7", Assert.Single((await LoadAsync(site, key)).Activations).Ip);
    }

    [Fact]
    public async Task Ip_field_is_checked_for_format_only_and_the_connection_address_counts()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1, matchBy: LicenseMatchRule.Ip);
        var client = site.CreateClient();

        await AssertValidAsync(await VerifyAsync(client, key, "one.example.com", ip: "203.0.113.50", from: "198.51.100.7"));
        using var spoofed = await VerifyAsync(client, key, "two.example.com", ip: "198.51.100.7", from: "198.51.100.8");

        await AssertFailureAsync(spoofed, 403, "Max activations exceeded.", "max_activations");
    }

    [Fact]
    public async Task Domain_or_ip_rule_matches_a_known_domain_from_a_new_ip_and_a_known_ip_with_a_new_domain()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1, matchBy: LicenseMatchRule.DomainOrIp);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));

        using var knownDomain = await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.2");
        using var knownIp = await VerifyAsync(client, key, "blog.example.com", from: "198.51.100.1");
        using var neither = await VerifyAsync(client, key, "blog.example.com", from: "198.51.100.3");

        await AssertValidAsync(knownDomain);
        await AssertValidAsync(knownIp);
        await AssertFailureAsync(neither, 403, "Max activations exceeded.", "max_activations");
        Assert.Single((await LoadAsync(site, key)).Activations);
    }

    [Fact]
    public async Task Domain_rule_counts_a_new_domain_on_a_known_ip_as_a_new_environment()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 2, matchBy: LicenseMatchRule.Domain);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));

        using var knownDomain = await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.9");
        using var newDomainSameIp = await VerifyAsync(client, key, "blog.example.com", from: "198.51.100.1");
        using var third = await VerifyAsync(client, key, "wiki.example.com", from: "198.51.100.1");

        Assert.Equal(1, (await AssertValidAsync(knownDomain)).GetProperty("activations").GetProperty("used").GetInt32());
        Assert.Equal(2, (await AssertValidAsync(newDomainSameIp)).GetProperty("activations").GetProperty("used").GetInt32());
        await AssertFailureAsync(third, 403, "Max activations exceeded.", "max_activations");
    }

    [Fact]
    public async Task Ip_rule_counts_a_known_domain_on_a_new_ip_as_a_new_environment()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 2, matchBy: LicenseMatchRule.Ip);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));

        using var knownIp = await VerifyAsync(client, key, "other.example.com", from: "198.51.100.1");
        using var sameDomainNewIp = await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.2");
        using var third = await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.3");

        Assert.Equal(1, (await AssertValidAsync(knownIp)).GetProperty("activations").GetProperty("used").GetInt32());
        Assert.Equal(2, (await AssertValidAsync(sameDomainNewIp)).GetProperty("activations").GetProperty("used").GetInt32());
        await AssertFailureAsync(third, 403, "Max activations exceeded.", "max_activations");
    }

    [Fact]
    public async Task Unlimited_key_accepts_every_new_environment_and_reports_max_0()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 0);
        var client = site.CreateClient();

        for (var i = 1; i <= 12; i++)
        {
            using var response = await VerifyAsync(client, key, $"site{i}.example.com", from: $"198.51.100.{i}");
            var activations = (await AssertValidAsync(response)).GetProperty("activations");
            Assert.Equal(i, activations.GetProperty("used").GetInt32());
            Assert.Equal(0, activations.GetProperty("max").GetInt32());
        }

        var license = await LoadAsync(site, key);
        Assert.Equal(12, license.ActivationsUsed);
        Assert.Equal(12, license.Activations.Count);
    }

    [Fact]
    public async Task Imported_environment_matches_by_domain_and_by_ip()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, SettingsStep());
        var key = SignedKey();
        await RunRecipeAsync(site, LicensesStep(License(key, max: 1, activations: ("https://WWW.Shop.Example.com/", "::ffff:198.51.100.20"))));
        var client = site.CreateClient();

        using var byDomain = await VerifyAsync(client, key, "shop.example.com", from: "203.0.113.1");
        using var byIp = await VerifyAsync(client, key, "elsewhere.example.com", from: "198.51.100.20");
        using var neither = await VerifyAsync(client, key, "elsewhere.example.com", from: "203.0.113.2");

        Assert.Equal(1, (await AssertValidAsync(byDomain)).GetProperty("activations").GetProperty("used").GetInt32());
        await AssertValidAsync(byIp);
        await AssertFailureAsync(neither, 403, "Max activations exceeded.", "max_activations");
    }

    [Fact]
    public async Task Matching_call_updates_last_seen_at_most_once_a_minute()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com"));

        site.Clock.Advance(TimeSpan.FromSeconds(50));
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com"));
        var afterFiftySeconds = Assert.Single((await LoadAsync(site, key)).Activations).LastSeenAt;
        site.Clock.Advance(TimeSpan.FromSeconds(20));
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com"));
        var afterSeventySeconds = Assert.Single((await LoadAsync(site, key)).Activations).LastSeenAt;

        Assert.Equal(Noon, afterFiftySeconds);
        Assert.Equal(Noon.AddSeconds(70), afterSeventySeconds);
    }

    [Fact]
    public async Task Hostile_input_gets_documented_4xx_json_never_500_and_changes_no_license()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        var random = new Random(42);
        var bodies = new List<(string ContentType, byte[] Body)>
        {
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}' OR '1'='1","domain":"a.com","ip":"1.2.3.4"}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}","domain":"a.com'); DELETE FROM \"Licenses\"; --","ip":"1.2.3.4"}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}","domain":"<img src=x onerror=alert(1)>","ip":"1.2.3.4"}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}","domain":"a.com","ip":"\u0000\u0001\u001f"}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}\u0000","domain":"a.com","ip":"1.2.3.4"}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}","domain":"a.com","ip":"1.2.3.4","extra":{{new string('[', 200)}}{{new string(']', 200)}}}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":{"$ne":null},"domain":"a.com","ip":"1.2.3.4"}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}","domain":"a.com","ip":1234}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}","domain":12.5e999,"ip":"1.2.3.4"}""")),
            ("application/json", Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}","domain":"{{new string('a', 7000)}}","ip":"1.2.3.4"}""")),
            ("application/json", Encoding.UTF8.GetBytes("\uFEFF{}")),
            ("application/json; charset=\"utf-8\"", Encoding.UTF8.GetBytes("{\"license_key\":null,\"domain\":null,\"ip\":null}")),
            ("application/xml", Encoding.UTF8.GetBytes("<verify><key>x</key></verify>")),
            ("multipart/form-data; boundary=x", Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"license_key\"\r\n\r\nx\r\n--x--")),
        };
        for (var i = 0; i < 30; i++)
        {
            var garbage = new byte[random.Next(1, 3000)];
            random.NextBytes(garbage);
            bodies.Add(("application/json", garbage));
        }

        foreach (var (contentType, body) in bodies)
        {
            using var response = await PostAsync(client, body, contentType);
            Assert.InRange((int)response.StatusCode, 400, 499);
            var answer = await JsonAsync(response);
            Assert.False(answer.GetProperty("valid").GetBoolean());
            Assert.Contains(answer.GetProperty("code").GetString(), new[] { "unsupported_media_type", "too_large", "bad_request", "validation_failed", "invalid_format" });
        }

        var license = await LoadAsync(site, key);
        Assert.Empty(license.Activations);
        Assert.Equal(0, license.ActivationsUsed);
        Assert.Null(license.RevokedAt);
        Assert.Single(await AllAsync(site));
    }

    [Fact]
    public async Task Logs_never_show_a_whole_key()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "one.example.com", from: "198.51.100.1"));
        await VerifyAsync(client, key, "two.example.com", from: "198.51.100.2");

        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains(key, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(site.Logs.Lines, line => line.Contains(LicenseKeys.Mask(key), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_answers_404_while_the_licensing_module_is_disabled()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        await RunRecipeAsync(site, new System.Text.Json.Nodes.JsonObject { ["name"] = "feature", ["disable"] = new System.Text.Json.Nodes.JsonArray("CP.Licensing") });

        using var response = await VerifyAsync(site.CreateClient(), key, "one.example.com");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A stream without a length, so the client sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

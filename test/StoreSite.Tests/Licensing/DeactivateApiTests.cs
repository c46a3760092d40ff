using System.Net;
using System.Text;
using System.Text.Json;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.DeactivateArrange;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>The Deactivate API (docs/verify-api.md, "Deactivate"): every answer, the match rules and the allowance.</summary>
public sealed class DeactivateApiTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deactivating_a_known_domain_removes_it_frees_its_slot_and_answers_the_activations()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 5);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));
        await AssertValidAsync(await VerifyAsync(client, key, "blog.example.com", from: "198.51.100.2"));

        using var response = await DeactivateAsync(client, key, "https://www.Shop.Example.com/", from: "203.0.113.99");

        var body = await AssertDeactivatedAsync(response);
        Assert.Equal("""{"deactivated":true,"activations":{"used":1,"max":5},"checked_at":"2026-03-10T12:00:00Z"}""", body.GetRawText());
        var license = await LoadAsync(site, key);
        Assert.Equal("blog.example.com", Assert.Single(license.Activations).Domain);
        Assert.Equal(1, license.ActivationsUsed);
        var deactivated = Assert.Single(license.Events, e => e.Kind == LicenseEventKind.Deactivated);
        Assert.Equal("api", deactivated.Actor);
        Assert.Contains("shop.example.com", deactivated.Detail, StringComparison.Ordinal);
        Assert.Equal(Noon, deactivated.At);
    }

    [Fact]
    public async Task Deactivating_by_the_connection_ip_removes_the_environment_of_that_address()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));

        using var response = await DeactivateAsync(client, key, "renamed.example.com", ip: "10.0.0.1", from: "198.51.100.1");

        await AssertDeactivatedAsync(response);
        var license = await LoadAsync(site, key);
        Assert.Empty(license.Activations);
        Assert.Equal(0, license.ActivationsUsed);
    }

    [Theory]
    [InlineData(LicenseMatchRule.DomainOrIp, "shop.example.com", "203.0.113.50", true)]
    [InlineData(LicenseMatchRule.DomainOrIp, "other.example.com", "198.51.100.1", true)]
    [InlineData(LicenseMatchRule.DomainOrIp, "other.example.com", "203.0.113.50", false)]
    [InlineData(LicenseMatchRule.Domain, "shop.example.com", "203.0.113.50", true)]
    [InlineData(LicenseMatchRule.Domain, "other.example.com", "198.51.100.1", false)]
    [InlineData(LicenseMatchRule.Ip, "other.example.com", "198.51.100.1", true)]
    [InlineData(LicenseMatchRule.Ip, "shop.example.com", "203.0.113.50", false)]
    public async Task Deactivate_matches_by_the_keys_match_rule(LicenseMatchRule rule, string domain, string from, bool matches)
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5, matchBy: rule);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));

        using var response = await DeactivateAsync(client, key, domain, from: from);

        if (matches)
        {
            await AssertDeactivatedAsync(response);
            Assert.Empty((await LoadAsync(site, key)).Activations);
        }
        else
        {
            await AssertFailureAsync(response, 404, "Environment is not activated.", "not_activated");
            var license = await LoadAsync(site, key);
            Assert.Single(license.Activations);
            Assert.Equal(1, license.ActivationsUsed);
            Assert.DoesNotContain(license.Events, e => e.Kind == LicenseEventKind.Deactivated);
        }
    }

    [Fact]
    public async Task When_the_domain_matches_one_environment_and_the_ip_another_the_domains_goes_first_one_per_call()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "b.example.com", from: "198.51.100.2"));
        await AssertValidAsync(await VerifyAsync(client, key, "a.example.com", from: "198.51.100.1"));

        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "a.example.com", from: "198.51.100.2"));
        Assert.Equal("b.example.com", Assert.Single((await LoadAsync(site, key)).Activations).Domain);

        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "a.example.com", from: "198.51.100.2"));
        Assert.Empty((await LoadAsync(site, key)).Activations);
    }

    [Fact]
    public async Task Nothing_matching_answers_404_not_activated()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);

        using var response = await DeactivateAsync(site.CreateClient(), key, "shop.example.com");

        await AssertFailureAsync(response, 404, "Environment is not activated.", "not_activated");
    }

    [Fact]
    public async Task Key_checks_answer_invalid_format_not_found_product_mismatch_and_revoked()
    {
        await using var site = await LicensingSite.StartAsync();
        string revoked = SignedKey(), active = SignedKey();
        await RunRecipeAsync(site, SettingsStep(), LicensesStep(
            License(revoked, status: "Revoked", activations: [("shop.example.com", "198.51.100.1")]),
            License(active, activations: [("shop.example.com", "198.51.100.1")])));
        var client = site.CreateClient();

        await AssertFailureAsync(await DeactivateAsync(client, "garbage", "shop.example.com"), 403, "Invalid license format.", "invalid_format");
        await AssertFailureAsync(await DeactivateAsync(client, "CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4", "shop.example.com"), 404, "License not found.", "not_found");
        await AssertFailureAsync(await DeactivateAsync(client, active, "shop.example.com", product: "other-product"), 403, "License is for another product.", "product_mismatch");
        await AssertFailureAsync(await DeactivateAsync(client, revoked, "shop.example.com", product: "other-product"), 403, "License is for another product.", "product_mismatch");
        await AssertFailureAsync(await DeactivateAsync(client, revoked, "shop.example.com"), 403, "License has been revoked.", "revoked");

        Assert.All(await AllAsync(site), l => Assert.Single(l.Activations));
    }

    [Fact]
    public async Task Suspended_and_expired_keys_may_deactivate()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        string suspended = SignedKey(), expired = SignedKey();
        await RunRecipeAsync(site, SettingsStep(), LicensesStep(
            License(suspended, status: "Suspended", activations: [("shop.example.com", "198.51.100.1")]),
            License(expired, expiry: "2026-03-09", activations: [("shop.example.com", "198.51.100.1")])));
        var client = site.CreateClient();

        await AssertDeactivatedAsync(await DeactivateAsync(client, suspended, "shop.example.com"));
        await AssertDeactivatedAsync(await DeactivateAsync(client, expired, "shop.example.com"));

        Assert.All(await AllAsync(site), l => Assert.Empty(l.Activations));
    }

    [Fact]
    public async Task The_fourth_deactivation_in_30_days_is_refused_and_allowed_again_once_the_first_leaves_the_window()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 10);
        var client = site.CreateClient();
        for (var i = 1; i <= 5; i++)
        {
            await AssertValidAsync(await VerifyAsync(client, key, $"site{i}.example.com", from: $"198.51.100.{i}"));
        }

        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site1.example.com"));
        site.Clock.Advance(TimeSpan.FromDays(10));
        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site2.example.com"));
        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site3.example.com"));
        using var fourth = await DeactivateAsync(client, key, "site4.example.com");
        await AssertFailureAsync(fourth, 403, "Deactivation limit reached.", "deactivation_limit");
        var refused = await LoadAsync(site, key);
        Assert.Equal(2, refused.ActivationsUsed);
        Assert.Contains(refused.Activations, a => a.Domain == "site4.example.com");

        site.Clock.Advance(TimeSpan.FromDays(20));
        await AssertFailureAsync(await DeactivateAsync(client, key, "site4.example.com"), 403, "Deactivation limit reached.", "deactivation_limit");
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site4.example.com"));
        await AssertFailureAsync(await DeactivateAsync(client, key, "site5.example.com"), 403, "Deactivation limit reached.", "deactivation_limit");

        var license = await LoadAsync(site, key);
        Assert.Equal("site5.example.com", Assert.Single(license.Activations).Domain);
        Assert.Equal(4, license.Events.Count(e => e.Kind == LicenseEventKind.Deactivated));
    }

    [Fact]
    public async Task Deactivation_not_allowed_answers_deactivation_limit_and_removes_nothing()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        await SetAllowanceAsync(site, key, allowed: false, per30Days: 3);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));

        await AssertFailureAsync(await DeactivateAsync(client, key, "shop.example.com"), 403, "Deactivation limit reached.", "deactivation_limit");

        var license = await LoadAsync(site, key);
        Assert.Single(license.Activations);
        Assert.Equal(1, license.ActivationsUsed);
    }

    [Fact]
    public async Task Per_30_days_0_is_unlimited()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 0);
        await SetAllowanceAsync(site, key, allowed: true, per30Days: 0);
        var client = site.CreateClient();

        for (var i = 0; i < 8; i++)
        {
            await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));
            await AssertDeactivatedAsync(await DeactivateAsync(client, key, "shop.example.com"));
        }

        Assert.Equal(8, (await LoadAsync(site, key)).Events.Count(e => e.Kind == LicenseEventKind.Deactivated));
    }

    [Fact]
    public async Task The_admins_free_slot_never_counts_against_the_allowance()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 10);
        var client = site.CreateClient();
        for (var i = 1; i <= 7; i++)
        {
            await AssertValidAsync(await VerifyAsync(client, key, $"site{i}.example.com", from: $"198.51.100.{i}"));
        }

        var license = await LoadAsync(site, key);
        foreach (var environment in license.Activations.Where(a => a.Domain is "site1.example.com" or "site2.example.com" or "site3.example.com" or "site4.example.com"))
        {
            var freed = await site.InScopeAsync(sp => sp.GetRequiredService<LicenseSlots>().FreeSlotAsync(license.Id, environment.Id, TestSite.AdminEmail, CancellationToken.None));
            Assert.True(freed.Succeeded, freed.Problem);
        }

        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site5.example.com"));
        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site6.example.com"));
        await AssertDeactivatedAsync(await DeactivateAsync(client, key, "site7.example.com"));
        Assert.Equal(0, (await LoadAsync(site, key)).ActivationsUsed);
    }

    [Fact]
    public async Task Deactivating_a_development_environment_is_free_and_leaves_the_slots_alone()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        await SetAllowanceAsync(site, key, allowed: false, per30Days: 3);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));
        await AddDevelopmentEnvironmentAsync(site, key, "shop.test", "198.51.100.1");

        using var response = await DeactivateAsync(client, key, "shop.test", from: "198.51.100.1");

        var body = await AssertDeactivatedAsync(response);
        Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        var license = await LoadAsync(site, key);
        Assert.Equal("shop.example.com", Assert.Single(license.Activations).Domain);
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Single(license.Events, e => e.Kind == LicenseEventKind.DevelopmentDeactivated);
        Assert.DoesNotContain(license.Events, e => e.Kind == LicenseEventKind.Deactivated);
    }

    [Fact]
    public async Task A_development_domain_never_removes_a_production_environment_by_ip()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));

        await AssertFailureAsync(await DeactivateAsync(client, key, "localhost", from: "198.51.100.1"), 404, "Environment is not activated.", "not_activated");

        Assert.Single((await LoadAsync(site, key)).Activations);
    }

    [Fact]
    public async Task Answer_to_a_call_with_a_nonce_echoes_it_and_is_signed_with_the_published_key()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 5);
        var client = site.CreateClient();
        await AssertValidAsync(await VerifyAsync(client, key, "shop.example.com", from: "198.51.100.1"));
        using var published = JsonDocument.Parse(await client.GetStringAsync("/api/v1/licenses/signing-key"));
        var publicKey = published.RootElement.GetProperty("public_key").GetString()!;

        using var response = await DeactivateAsync(client, key, "shop.example.com", nonce: "n-0123456789abcdef");
        using var refused = await DeactivateAsync(client, key, "shop.example.com", nonce: "n-second");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("""{"deactivated":true,"activations":{"used":0,"max":5},"checked_at":"2026-03-10T12:00:00Z","nonce":"n-0123456789abcdef"}""", Encoding.UTF8.GetString(bytes));
        Assert.True(ResponseSigningKey.Verify(publicKey, bytes, Signature(response)));
        var tampered = (byte[])bytes.Clone();
        tampered[^3] ^= 1;
        Assert.False(ResponseSigningKey.Verify(publicKey, tampered, Signature(response)));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.True(ResponseSigningKey.Verify(publicKey, await refused.Content.ReadAsByteArrayAsync(), Signature(refused)));
    }

    [Fact]
    public async Task Answer_without_a_nonce_is_not_signed()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 5);

        using var response = await DeactivateAsync(site.CreateClient(), key, "shop.example.com");

        Assert.False(response.Headers.Contains("X-License-Signature"));
    }

    [Fact]
    public async Task Request_problems_answer_as_for_verify()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var client = site.CreateClient();

        await AssertFailureAsync(await PostDeactivateAsync(client, Encoding.UTF8.GetBytes("{}"), "text/plain"), 415, "Content-Type must be application/json.", "unsupported_media_type");
        await AssertFailureAsync(await PostDeactivateAsync(client, new byte[9000]), 413, "Request body too large.", "too_large");
        await AssertFailureAsync(await PostDeactivateAsync(client, Encoding.UTF8.GetBytes("[]")), 400, "Malformed JSON body.", "bad_request");
        var invalid = await AssertFailureAsync(await PostDeactivateAsync(client, Encoding.UTF8.GetBytes("""{"domain":"a.com","ip":"1.2.3.4","product":"Not A Slug"}""")), 422, "license_key is required.", "validation_failed");
        Assert.Equal("product must be a product slug: 1 to 100 characters of a-z, 0-9 and hyphens.", invalid.GetProperty("errors").GetProperty("product")[0].GetString());
    }

    [Fact]
    public async Task Verify_and_deactivate_share_one_rate_limit_budget_per_client_address()
    {
        await using var site = TestSite.Start(o => o.Settings["StoreSite:Licensing:Verify:PermitPerMinute"] = "3");
        var client = site.CreateClient();

        using var first = await LicensingArrange.PostAsync(client, "{}", from: "192.0.2.1");
        using var second = await PostDeactivateAsync(client, Encoding.UTF8.GetBytes("{}"), from: "192.0.2.1");
        using var third = await LicensingArrange.PostAsync(client, "{}", from: "192.0.2.1");
        using var deactivateRefused = await PostDeactivateAsync(client, Encoding.UTF8.GetBytes("{}"), from: "192.0.2.1");
        using var verifyRefused = await LicensingArrange.PostAsync(client, "{}", from: "192.0.2.1");
        using var otherAddress = await PostDeactivateAsync(client, Encoding.UTF8.GetBytes("{}"), from: "192.0.2.2");

        Assert.All(new[] { first, second, third, otherAddress }, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        await AssertFailureAsync(deactivateRefused, 429, "Too many requests.", "rate_limited");
        Assert.True(deactivateRefused.Headers.Contains("Retry-After"));
        await AssertFailureAsync(verifyRefused, 429, "Too many requests.", "rate_limited");
    }

    private static byte[] Signature(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("X-License-Signature"));
        Assert.StartsWith("ed25519=", header, StringComparison.Ordinal);
        return Convert.FromBase64String(header["ed25519=".Length..]);
    }
}

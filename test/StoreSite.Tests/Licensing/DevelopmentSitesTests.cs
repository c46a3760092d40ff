using System.Text.Json.Nodes;
using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Host.Support;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>Development sites and refusals at the limit through the real Verify API (docs/verify-api.md).</summary>
public sealed class DevelopmentSitesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("localhost", "localhost")]
    [InlineData("shop.localhost", "shop.localhost")]
    [InlineData("shop.local", "shop.local")]
    [InlineData("https://shop.test/wp-admin", "shop.test")]
    [InlineData("a.b.test", "a.b.test")]
    [InlineData("shop.example", "shop.example")]
    [InlineData("shop.invalid", "shop.invalid")]
    [InlineData("staging.shop.com", "staging.shop.com")]
    [InlineData("eu.staging.shop.com", "eu.staging.shop.com")]
    [InlineData("dev.shop.com", "dev.shop.com")]
    [InlineData("test.shop.com", "test.shop.com")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("192.168.1.20", "192.168.1.20")]
    [InlineData("172.16.0.9", "172.16.0.9")]
    [InlineData("169.254.0.5", "169.254.0.5")]
    public async Task Each_default_pattern_and_ip_literal_is_a_development_site_that_uses_no_slot(string domain, string stored)
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 1);

        using var response = await VerifyAsync(site.CreateClient(), key, domain, from: "198.51.100.7");

        var body = await AssertValidAsync(response);
        Assert.True(body.GetProperty("development").GetBoolean());
        Assert.Equal(0, body.GetProperty("activations").GetProperty("used").GetInt32());
        var license = await LoadAsync(site, key);
        var environment = Assert.Single(license.Activations);
        Assert.True(environment.IsDevelopment);
        Assert.Equal(stored, environment.Domain);
        Assert.Equal(0, license.ActivationsUsed);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("shop.com")]
    [InlineData("latest.shop.com")]
    [InlineData("203.0.113.5")]
    public async Task Other_domains_are_production_and_use_a_slot(string domain)
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 2);

        using var response = await VerifyAsync(site.CreateClient(), key, domain, from: "198.51.100.7");

        var body = await AssertValidAsync(response);
        Assert.False(body.TryGetProperty("development", out _));
        Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        Assert.False(Assert.Single((await LoadAsync(site, key)).Activations).IsDevelopment);
    }

    [Fact]
    public async Task A_development_site_matches_by_domain_and_its_ip_never_matches_a_production_call()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();

        using var first = await VerifyAsync(client, key, "shop.test", from: "198.51.100.7");
        using var moved = await VerifyAsync(client, key, "shop.test", from: "198.51.100.99");
        using var production = await VerifyAsync(client, key, "shop.com", from: "198.51.100.7");
        using var secondProduction = await VerifyAsync(client, key, "other.com", from: "198.51.100.7");

        Assert.True((await AssertValidAsync(first)).GetProperty("development").GetBoolean());
        Assert.True((await AssertValidAsync(moved)).GetProperty("development").GetBoolean());
        var body = await AssertValidAsync(production);
        Assert.False(body.TryGetProperty("development", out _));
        Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        // The production site matches by its IP now (DomainOrIp), never the development row.
        await AssertValidAsync(secondProduction);
        var license = await LoadAsync(site, key);
        Assert.Equal(2, license.Activations.Count);
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Single(license.Activations, a => a.IsDevelopment);
    }

    [Fact]
    public async Task A_production_call_from_the_same_ip_as_a_development_site_still_uses_a_slot_and_refuses_when_full()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1, matchBy: LicenseMatchRule.Ip);
        var client = site.CreateClient();
        using var development = await VerifyAsync(client, key, "shop.test", from: "198.51.100.7");
        await AssertValidAsync(development);
        using var other = await VerifyAsync(client, key, "shop.com", from: "198.51.100.8");
        await AssertValidAsync(other);

        // Only the development row has this IP; matching by IP must not take it.
        using var refused = await VerifyAsync(client, key, "second.com", from: "198.51.100.7");

        await AssertFailureAsync(refused, 403, "Max activations exceeded.", "max_activations");
    }

    [Fact]
    public async Task At_most_max_development_sites_per_key_then_max_activations()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, new JsonObject { ["name"] = "LicensingSettings", ["maxDevelopmentSites"] = 2 });
        var key = await IssueAsync(site, maxActivations: 5);
        var client = site.CreateClient();

        using var a = await VerifyAsync(client, key, "a.test");
        using var b = await VerifyAsync(client, key, "b.test");
        using var again = await VerifyAsync(client, key, "a.test");
        using var c = await VerifyAsync(client, key, "c.test");
        using var production = await VerifyAsync(client, key, "shop.com");

        await AssertValidAsync(a);
        await AssertValidAsync(b);
        await AssertValidAsync(again);
        await AssertFailureAsync(c, 403, "Max activations exceeded.", "max_activations");
        await AssertValidAsync(production);
        var license = await LoadAsync(site, key);
        Assert.Equal(2, license.Activations.Count(x => x.IsDevelopment));
        Assert.Equal(1, license.ActivationsUsed);
        Assert.Matches(@"^Refused environment c\.test \(.+\): the key is at its limit of 2 development sites\.$", Assert.Single(license.Events, e => e.Kind == LicenseEventKind.ActivationRefused).Detail);
    }

    [Fact]
    public async Task Concurrent_new_development_sites_never_pass_the_limit()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, new JsonObject { ["name"] = "LicensingSettings", ["maxDevelopmentSites"] = 3 });
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => VerifyAsync(client, key, $"s{i}.test")));

        Assert.Equal(3, answers.Count(r => r.IsSuccessStatusCode));
        Assert.Equal(3, (await LoadAsync(site, key)).Activations.Count(x => x.IsDevelopment));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task When_the_key_counts_development_sites_they_use_slots_and_answer_no_development()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = await IssueAsync(site, maxActivations: 1);
        await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Licenses.Where(l => l.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.DevelopmentSitesFree, false)));
        var client = site.CreateClient();

        using var first = await VerifyAsync(client, key, "shop.test", from: "198.51.100.7");
        using var second = await VerifyAsync(client, key, "other.test", from: "198.51.100.8");

        var body = await AssertValidAsync(first);
        Assert.False(body.TryGetProperty("development", out _));
        Assert.Equal(1, body.GetProperty("activations").GetProperty("used").GetInt32());
        await AssertFailureAsync(second, 403, "Max activations exceeded.", "max_activations");
        var environment = Assert.Single((await LoadAsync(site, key)).Activations);
        Assert.False(environment.IsDevelopment);
    }

    [Fact]
    public async Task An_older_production_row_of_the_same_domain_and_ip_answers_without_a_second_row()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = SignedKey();
        await RunRecipeAsync(site, SettingsStep(), LicensesStep(License(key, max: 1, activations: [("shop.test", "198.51.100.7")])));

        using var response = await VerifyAsync(site.CreateClient(), key, "shop.test", from: "198.51.100.7");

        await AssertValidAsync(response);
        var license = await LoadAsync(site, key);
        Assert.False(Assert.Single(license.Activations).IsDevelopment);
        Assert.Equal(1, license.ActivationsUsed);
    }

    [Fact]
    public async Task Changed_development_domains_apply_and_the_defaults_no_longer_do()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, new JsonObject { ["name"] = "LicensingSettings", ["developmentDomains"] = new JsonArray("*.internal") });
        var key = await IssueAsync(site, maxActivations: 3);
        var client = site.CreateClient();

        using var custom = await VerifyAsync(client, key, "shop.internal");
        using var former = await VerifyAsync(client, key, "shop.test");

        Assert.True((await AssertValidAsync(custom)).GetProperty("development").GetBoolean());
        Assert.False((await AssertValidAsync(former)).TryGetProperty("development", out _));
    }

    [Theory]
    [InlineData("""{"developmentDomains": ["*.*"]}""", "developmentDomains", "is not a domain pattern")]
    [InlineData("""{"developmentDomains": ["a b"]}""", "developmentDomains", "is not a domain pattern")]
    [InlineData("""{"developmentDomains": ["*"]}""", "developmentDomains", "is not a domain pattern")]
    [InlineData("""{"developmentDomains": "*.test"}""", "developmentDomains", "must be an array.")]
    [InlineData("""{"developmentDomains": [1]}""", "developmentDomains[0]", "must be a non-empty string.")]
    [InlineData("""{"maxDevelopmentSites": 0}""", "maxDevelopmentSites", "must be between 1 and 1000.")]
    [InlineData("""{"maxDevelopmentSites": 1001}""", "maxDevelopmentSites", "must be between 1 and 1000.")]
    [InlineData("""{"maxDevelopmentSites": "5"}""", "maxDevelopmentSites", "must be a whole number.")]
    public async Task Settings_step_errors_name_the_field(string json, string field, string problem)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var step = JsonNode.Parse(json)!.AsObject();
        step["name"] = "LicensingSettings";

        var result = await TryRecipeAsync(site, step);

        Assert.False(result.Succeeded);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_patterns_are_refused_with_the_parsers_message()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);
        var step = new JsonObject { ["name"] = "LicensingSettings", ["developmentDomains"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)$"d{i}.*").ToArray()) };

        var result = await TryRecipeAsync(site, step);

        Assert.False(result.Succeeded);
        Assert.Contains("Enter at most 100 development domain patterns.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_in_the_history_once_per_domain_per_day_and_the_customer_is_mailed_once_per_key_per_day()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        using (var first = await VerifyAsync(client, key, "shop.com", from: "198.51.100.1"))
        {
            await AssertValidAsync(first);
        }

        for (var i = 0; i < 3; i++)
        {
            using var a = await VerifyAsync(client, key, "second.com", from: "198.51.100.2");
            await AssertFailureAsync(a, 403, "Max activations exceeded.", "max_activations");
            using var b = await VerifyAsync(client, key, "third.com", from: "198.51.100.3");
            await AssertFailureAsync(b, 403, "Max activations exceeded.", "max_activations");
        }

        var license = await LoadAsync(site, key);
        var refusals = license.Events.Where(e => e.Kind == LicenseEventKind.ActivationRefused).Select(e => e.Detail).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["Refused environment second.com (198.51.100.2): the key is at its limit of 1.", "Refused environment third.com (198.51.100.3): the key is at its limit of 1."],
            refusals);
        var mail = Assert.Single(MailPickup.To(site.MailFolder, CustomerEmail));
        Assert.Contains("reached its limit of 1 sites", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("second.com", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(key, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/licenses", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/licenses", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(Noon.UtcDateTime), license.LimitNoticeSentOn);

        // The next UTC day: history again per domain, and one more mail.
        site.Clock.Advance(TimeSpan.FromDays(1));
        for (var i = 0; i < 2; i++)
        {
            using var a = await VerifyAsync(client, key, "second.com", from: "198.51.100.2");
            await AssertFailureAsync(a, 403, "Max activations exceeded.", "max_activations");
        }

        Assert.Equal(2, MailPickup.To(site.MailFolder, CustomerEmail).Count);
        Assert.Equal(3, (await LoadAsync(site, key)).Events.Count(e => e.Kind == LicenseEventKind.ActivationRefused));
        var rows = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingDbContext>().Set<RefusedEnvironment>().CountAsync());
        Assert.Equal(3, rows);
    }

    [Fact]
    public async Task A_mail_that_cannot_be_sent_never_fails_the_answer()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = Noon);
        var key = await IssueAsync(site, maxActivations: 1);
        var client = site.CreateClient();
        using (var first = await VerifyAsync(client, key, "shop.com", from: "198.51.100.1"))
        {
            await AssertValidAsync(first);
        }

        Directory.CreateDirectory(site.MailFolder);
        var blocked = site.MailFolder;
        Directory.Delete(blocked, recursive: true);
        await File.WriteAllTextAsync(blocked, "not a folder");

        using var refused = await VerifyAsync(client, key, "second.com", from: "198.51.100.2");

        await AssertFailureAsync(refused, 403, "Max activations exceeded.", "max_activations");
        Assert.Single((await LoadAsync(site, key)).Events, e => e.Kind == LicenseEventKind.ActivationRefused);
        Assert.Contains(site.Logs.Lines, l => l.Contains("the limit notice could not be sent", StringComparison.Ordinal));
    }
}

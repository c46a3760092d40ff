using System.Text.Json.Nodes;
using CP.Licensing.Keys;
using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.Extensions.DependencyInjection;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>The <c>LicensingSettings</c> and <c>Licenses</c> recipe steps, and the secret made at setup.</summary>
public sealed class LicensingRecipeTests
{
    [Fact]
    public async Task Setup_generates_a_signing_secret_that_no_log_shows()
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None));

        Assert.Equal("CP", settings.KeyPrefix);
        Assert.Equal(32, LicensingSettingsStore.DecodeSecret(settings.SigningSecret)?.Length);
        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains(settings.SigningSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Settings_step_sets_prefix_and_secret_and_keys_signed_with_them_verify()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = "ACME-ZZZZZZ-YYYYYY-XXXXXX-WWWWWW-GVA258";

        await RunRecipeAsync(site, SettingsStep(prefix: "acme"), LicensesStep(License(key, max: 1)));
        var issued = await IssueAsync(site);

        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None));
        Assert.Equal("ACME", settings.KeyPrefix);
        Assert.Equal(TestSecret, settings.SigningSecret);
        Assert.StartsWith("ACME-", issued, StringComparison.Ordinal);
        Assert.True(LicenseKeys.IsValid(issued, "ACME", TestSecretBytes));
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), key, "shop.example"));
    }

    [Fact]
    public async Task Settings_step_refuses_another_secret_or_prefix_once_keys_exist_but_accepts_the_same_values()
    {
        await using var site = await LicensingSite.StartAsync();
        await RunRecipeAsync(site, SettingsStep());
        await IssueAsync(site);

        var sameAgain = await TryRecipeAsync(site, SettingsStep(prefix: "CP"));
        var otherSecret = await TryRecipeAsync(site, SettingsStep(secret: Convert.ToBase64String(new byte[32])));
        var otherPrefix = await TryRecipeAsync(site, SettingsStep(prefix: "ACME", secret: null));

        Assert.True(sameAgain.Succeeded, sameAgain.Error);
        Assert.False(otherSecret.Succeeded);
        Assert.Contains("'signingSecret'", otherSecret.Error, StringComparison.Ordinal);
        Assert.Contains("cannot change once license keys exist", otherSecret.Error, StringComparison.Ordinal);
        Assert.False(otherPrefix.Succeeded);
        Assert.Contains("'keyPrefix'", otherPrefix.Error, StringComparison.Ordinal);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<LicensingSettingsStore>().GetAsync(CancellationToken.None));
        Assert.Equal(TestSecret, settings.SigningSecret);
    }

    [Theory]
    [InlineData("not base64!", null, "signingSecret")]
    [InlineData("AQIDBA==", null, "signingSecret")]
    [InlineData(null, "C-P", "keyPrefix")]
    [InlineData(null, "THIRTEENCHARS", "keyPrefix")]
    public async Task Settings_step_refuses_bad_values_naming_the_field(string? secret, string? prefix, string field)
    {
        await using var site = await LicensingSite.StartAsync(withCustomer: false);

        var result = await TryRecipeAsync(site, SettingsStep(prefix: prefix, secret: secret));

        Assert.False(result.Succeeded);
        Assert.Contains($"'{field}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Licenses_step_imports_keys_environments_status_and_expiry()
    {
        await using var site = await LicensingSite.StartAsync(o => o.Now = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var active = SignedKey();
        var revoked = SignedKey();

        await RunRecipeAsync(site,
            SettingsStep(),
            LicensesStep(
                License(active.ToLowerInvariant(), product: "Gallery Pro", expiry: "2027-05-31", max: 3, activations: [("Shop.Example.com", "198.51.100.20"), ("blog.example.com:8080", "2001:db8::7")]),
                License(revoked, status: "Revoked", max: 0),
                License(null, product: "Theme Kit", max: 0)));

        var licenses = await AllAsync(site);
        Assert.Equal(3, licenses.Count);
        var first = licenses.Single(l => l.Key == active);
        Assert.Equal("Gallery Pro", first.ProductName);
        Assert.Equal(new DateOnly(2027, 5, 31), first.ExpiresOn);
        Assert.Equal(2, first.ActivationsUsed);
        Assert.Equal(new[] { "blog.example.com", "shop.example.com" }, first.Activations.Select(a => a.Domain).Order().ToArray());
        Assert.Equal(LicenseStatus.Revoked, licenses.Single(l => l.Key == revoked).StatusOn(new DateOnly(2026, 6, 1)));
        var generated = licenses.Single(l => l.ProductName == "Theme Kit");
        Assert.True(LicenseKeys.IsValid(generated.Key, "CP", TestSecretBytes));
        Assert.Null(generated.ExpiresOn);
        await AssertFailureAsync(await VerifyAsync(site.CreateClient(), revoked, "x.example"), 403, "License has been revoked.", "revoked");
    }

    public static TheoryData<string, JsonObject[], string> BadImports()
    {
        var key = "CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4";
        return new()
        {
            { "duplicate key", [License(key), License(key)], "'licenses[1].key'" },
            { "unknown customer", [License(), License(email: "stranger@example.com")], "'licenses[1].customerEmail'" },
            { "bad date", [License(expiry: "2026-02-30")], "'licenses[0].expiry'" },
            { "date in another format", [License(expiry: "31/12/2026")], "'licenses[0].expiry'" },
            { "bad ip", [License(), License(), License(), License(activations: [("ok.example", "999.1.1.1")])], "'licenses[3].activations[0].ip'" },
            { "bad domain", [License(activations: [("ok.example", "198.51.100.1"), ("not a domain", "198.51.100.2")])], "'licenses[0].activations[1].domain'" },
            { "more activations than max", [License(max: 1, activations: [("a.example", "198.51.100.1"), ("b.example", "198.51.100.2")])], "'licenses[0].activations'" },
            { "bad signature", [License("CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ5")], "'licenses[0].key'" },
            { "bad status", [License(status: "Paused")], "'licenses[0].status'" },
            { "negative max", [License(max: -1)], "'licenses[0].maxActivations'" },
            { "missing product", [License(product: " ")], "'licenses[0].product'" },
        };
    }

    [Theory]
    [MemberData(nameof(BadImports))]
    public async Task Licenses_step_stops_naming_the_entry_and_applies_nothing(string problem, JsonObject[] licenses, string field)
    {
        await using var site = await LicensingSite.StartAsync();

        var result = await TryRecipeAsync(site, SettingsStep(), LicensesStep(licenses));

        Assert.False(result.Succeeded, problem);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task Licenses_step_refuses_a_key_that_already_exists()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = SignedKey();
        await RunRecipeAsync(site, SettingsStep(), LicensesStep(License(key)));

        var again = await TryRecipeAsync(site, LicensesStep(License(SignedKey()), License(key)));

        Assert.False(again.Succeeded);
        Assert.Contains("'licenses[1].key'", again.Error, StringComparison.Ordinal);
        Assert.Single(await AllAsync(site));
    }
}

using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Recipes;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Recipes;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>
/// The Licenses step over a recipe file of 20,000 entries, read as a stream and written in
/// batches: every key arrives with its environments and events, and a problem deep in the file
/// names its entry and leaves nothing written (the recipe is one transaction).
/// </summary>
public sealed class LargeLicenseImportTests
{
    private const int Count = 20_000;

    [Fact]
    public async Task A_file_of_20000_entries_imports_every_key_with_its_environments_status_and_events()
    {
        await using var site = await LicensingSite.StartAsync();
        using var recipe = LargeRecipeFile.Write(Count);

        var result = await RunFileAsync(site, recipe);

        Assert.True(result.Succeeded, result.Error);
        var counts = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LicensingDbContext>();
            return new
            {
                Licenses = await db.Licenses.CountAsync(),
                Revoked = await db.Licenses.CountAsync(l => l.RevokedAt != null),
                Lifetime = await db.Licenses.CountAsync(l => l.ExpiresOn == null),
                Environments = await db.Licenses.SumAsync(l => l.ActivationsUsed),
                Activations = await db.Set<LicenseActivation>().CountAsync(),
                Imported = await db.Set<LicenseEvent>().CountAsync(e => e.Kind == LicenseEventKind.Imported),
                RevokedEvents = await db.Set<LicenseEvent>().CountAsync(e => e.Kind == LicenseEventKind.Revoked),
                Keys = await db.Licenses.Select(l => l.Key).Distinct().CountAsync(),
            };
        });
        Assert.Equal(Count, counts.Licenses);
        Assert.Equal(Count, counts.Keys);
        Assert.Equal((Count + 6) / 7, counts.Revoked);
        Assert.Equal(Count / 4, counts.Lifetime);
        Assert.Equal(Count / 10, counts.Activations);
        Assert.Equal(Count / 10, counts.Environments);
        Assert.Equal(Count, counts.Imported);
        Assert.Equal((Count + 6) / 7, counts.RevokedEvents);
        var last = recipe.Keys[Count - 2]!;
        var license = (await AllAsync(site)).Single(l => l.Key == last);
        Assert.Equal(new DateOnly(2099, 12, 31), license.ExpiresOn);
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), recipe.Keys[10]!, "site-10.example.com", "198.51.100.7"));
    }

    public static TheoryData<string, Func<int, string?>, string> DeepProblems() => new()
    {
        { "bad date", i => i == 15_123 ? """{"customerEmail":"buyer@example.com","product":"P","expiry":"2026-02-30"}""" : null, "'licenses[15123].expiry': '2026-02-30' is not a date" },
        { "a number where an entry goes", i => i == 19_999 ? "42" : null, "'licenses[19999]': must be an object." },
        { "a number where the email goes", i => i == 12_000 ? """{"customerEmail":7,"product":"P"}""" : null, "'licenses[12000].customerEmail': must be a string." },
        { "text for max activations", i => i == 11_001 ? """{"customerEmail":"buyer@example.com","product":"P","maxActivations":"five"}""" : null, "'licenses[11001].maxActivations'" },
        { "environments as an object", i => i == 9_000 ? """{"customerEmail":"buyer@example.com","product":"P","activations":{"domain":"a.example"}}""" : null, "'licenses[9000].activations': must be an array." },
        { "a bad IP deep in the environments", i => i == 8_888 ? """{"customerEmail":"buyer@example.com","product":"P","activations":[{"domain":"a.example","ip":"198.51.100.1"},{"domain":"b.example","ip":"300.1.1.1"}]}""" : null, "'licenses[8888].activations[1].ip'" },
        { "a key as a number", i => i == 17_321 ? """{"key":123,"customerEmail":"buyer@example.com","product":"P"}""" : null, "'licenses[17321].key': must be a string." },
        { "an object nested deep in a field", i => i == 5_555 ? """{"customerEmail":"buyer@example.com","product":{"name":{"deep":[1,2,[3]]}}}""" : null, "'licenses[5555].product': must be a string." },
    };

    [Theory]
    [MemberData(nameof(DeepProblems))]
    public async Task A_bad_entry_deep_in_the_file_stops_the_recipe_naming_its_place_and_nothing_is_written(string problem, Func<int, string?> replace, string expected)
    {
        await using var site = await LicensingSite.StartAsync();
        using var recipe = LargeRecipeFile.Write(Count, replace);

        var result = await RunFileAsync(site, recipe);

        Assert.False(result.Succeeded, problem);
        Assert.Contains($"Step 2 'Licenses', field {expected}", result.Error, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task A_key_repeated_far_into_the_file_names_both_entries_and_nothing_is_written()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = SignedKey();
        using var recipe = LargeRecipeFile.Write(Count, i => i is 3 or 17_500 ? LargeRecipeFile.Entry(key) : null);

        var result = await RunFileAsync(site, recipe);

        Assert.False(result.Succeeded);
        Assert.Equal("Step 2 'Licenses', field 'licenses[17500].key': is a duplicate of licenses[3].key.", result.Error);
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task A_key_already_on_the_site_far_into_the_file_is_refused_and_nothing_of_the_file_is_written()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = SignedKey();
        await RunRecipeAsync(site, SettingsStep(), LicensesStep(License(key)));
        using var recipe = LargeRecipeFile.Write(Count, i => i == 14_002 ? LargeRecipeFile.Entry(key.ToLowerInvariant()) : null);

        var result = await RunFileAsync(site, recipe);

        Assert.False(result.Succeeded);
        Assert.Equal("Step 2 'Licenses', field 'licenses[14002].key': already exists on this site.", result.Error);
        Assert.Equal(key, Assert.Single(await AllAsync(site)).Key);
    }

    [Fact]
    public async Task The_first_problem_in_the_order_of_the_entries_is_the_one_named()
    {
        await using var site = await LicensingSite.StartAsync();
        var key = SignedKey();
        // The repeat (entry 2,100) lies in a batch written before entry 2,500's bad date is read.
        using var recipe = LargeRecipeFile.Write(3_000, i => i switch
        {
            10 or 2_100 => LargeRecipeFile.Entry(key),
            2_500 => """{"customerEmail":"buyer@example.com","product":"P","expiry":"tomorrow"}""",
            _ => null,
        });

        var result = await RunFileAsync(site, recipe);

        Assert.Equal("Step 2 'Licenses', field 'licenses[2100].key': is a duplicate of licenses[10].key.", result.Error);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public async Task A_file_cut_off_in_the_middle_of_the_entries_stops_before_any_step_runs(double kept)
    {
        await using var site = await LicensingSite.StartAsync();
        using var whole = LargeRecipeFile.Write(2_000);
        using var recipe = LargeRecipeFile.Write(2_000, cutAt: (long)(whole.Length * kept));

        var result = await RunFileAsync(site, recipe);

        Assert.False(result.Succeeded);
        Assert.StartsWith("The recipe is not valid JSON: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(site));
    }

    [Fact]
    public async Task On_postgres_a_file_of_20000_entries_imports_every_key_and_a_repeated_key_deep_in_another_writes_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = await LicensingSite.StartAsync(o => o.PostgresConnectionString = database.ConnectionString);
        using var recipe = LargeRecipeFile.Write(Count);
        using var repeated = LargeRecipeFile.Write(Count, i => i == 16_001 ? LargeRecipeFile.Entry(recipe.Keys[8]!) : null);

        var result = await RunFileAsync(site, recipe);
        var again = await RunFileAsync(site, repeated);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Step 2 'Licenses', field 'licenses[16001].key': already exists on this site.", again.Error);
        var licenses = await AllAsync(site);
        Assert.Equal(Count, licenses.Count);
        Assert.Equal(Count / 10, licenses.Sum(l => l.Activations.Count));
        Assert.Equal(new DateOnly(2099, 12, 31), licenses.Single(l => l.Key == recipe.Keys[2]).ExpiresOn);
        Assert.Equal((Count + 6) / 7, licenses.Count(l => l.RevokedAt is not null && l.RevokedBy == "recipe"));
        await AssertValidAsync(await VerifyAsync(site.CreateClient(), recipe.Keys[10]!, "site-10.example.com", "198.51.100.7"));
    }

    internal static Task<RecipeResult> RunFileAsync(TestSite site, LargeRecipeFile recipe) =>
        site.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeSource.FromFile(recipe.Path), null, CancellationToken.None));
}

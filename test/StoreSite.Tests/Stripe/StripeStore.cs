using System.Text.Json.Nodes;
using CP.Payments.Stripe.Data;
using CP.Payments.Stripe.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Stripe;

/// <summary>A store with the Stripe module on, its keys set by the <c>StripeSettings</c> recipe step, talking to a <see cref="StripeApiStandIn"/>.</summary>
public static class StripeStore
{
    /// <summary>The store recipe with Stripe enabled, its keys, and Stripe chosen for checkout when <paramref name="chooseStripe"/>.</summary>
    public static string Recipe(string folder, bool chooseStripe = true, string currency = "USD")
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "store.recipe.json")))!.AsObject();
        recipe["name"] = "store-stripe";
        var steps = recipe["steps"]!.AsArray();
        steps[0]!["enable"]!.AsArray().Add("CP.Payments.Stripe");
        foreach (var step in steps)
        {
            if ((string?)step!["name"] == "Settings")
            {
                step["Currency"] = currency;
            }

            if ((string?)step["name"] == "CommerceSettings" && chooseStripe)
            {
                step["paymentProvider"] = "stripe";
            }
        }

        steps.Insert(1, new JsonObject
        {
            ["name"] = "StripeSettings",
            ["secretKey"] = StripeApiStandIn.SecretKey,
            ["publishableKey"] = "pk_test_standin0000000000",
            ["webhookSecret"] = StripeWebhooks.Secret,
        });
        Directory.CreateDirectory(folder);
        CopyRecipeFiles(folder);
        var path = Path.Combine(folder, "store-stripe.recipe.json");
        File.WriteAllText(path, recipe.ToJsonString());
        return path;
    }

    /// <summary>The files the store recipe ships (its sample releases), next to the copy as next to the original.</summary>
    private static void CopyRecipeFiles(string folder)
    {
        var files = Path.Combine(AppContext.BaseDirectory, "recipes", "files");
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        foreach (var file in Directory.GetFiles(files))
        {
            File.Copy(file, Path.Combine(folder, "files", Path.GetFileName(file)), overwrite: true);
        }
    }

    public static TestSite Start(StripeApiStandIn stripe, bool chooseStripe = true, string currency = "USD", Action<TestSiteOptions>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "storesite-tests", "recipes-" + Guid.NewGuid().ToString("N"));
        return TestSite.Start(o =>
        {
            o.Recipe = Recipe(folder, chooseStripe, currency);
            o.Settings["StoreSite:Stripe:ApiBase"] = stripe.BaseAddress;
            configure?.Invoke(o);
        });
    }

    public static Task<List<StripeEvent>> StripeEventsAsync(this TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<StripeDbContext>().Events.AsNoTracking().ToListAsync());

    public static Task<List<StripeCheckoutSession>> StripeSessionsAsync(this TestSite site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<StripeDbContext>().CheckoutSessions.AsNoTracking().OrderBy(s => s.Attempt).ToListAsync());
}

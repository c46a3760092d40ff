using System.Globalization;
using CP.Commerce.Catalog;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using CP.Licensing.Plans;
using CP.Licensing.Settings;
using Microsoft.EntityFrameworkCore;
using StoreSite.Mail;
using StoreSite.Recipes;
using StoreSite.Users;

namespace CP.Licensing.Recipes;

/// <summary>
/// <c>{"name": "Licenses", "licenses": [{"key": "CP-…" (optional), "customerEmail": "…", "product": "…",
/// "productSlug": "gallery-pro" (optional: the catalog product Verify's <c>product</c> checks),
/// "expiry": "YYYY-MM-DD" | null, "maxActivations": 5, "status": "Active" | "Suspended" | "Revoked", "matchBy": "DomainOrIp"
/// (optional), "activations": [{"domain": "…", "ip": "…"}]}]}</c>: imports licenses. Every entry is
/// checked before anything is written; the first problem stops the recipe naming the entry and field.
/// </summary>
public sealed class LicensesStep(
    LicenseIssuer issuer,
    LicensingSettingsStore settings,
    LicensingDbContext db,
    IProductCatalog catalog,
    IUserDirectory users) : IRecipeStep
{
    public const string Actor = "recipe";

    public string Name => "Licenses";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var material = await settings.GetKeyMaterialAsync(cancellationToken);
        var customers = new Dictionary<string, StoreUserInfo>(StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var licenses = new List<ImportedLicense>();
        var productIds = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (item, path) in context.Array(context.Data, "licenses", "licenses"))
        {
            context.RequireObject(item, path);
            var key = context.OptionalString(item, "key", $"{path}.key")?.Trim().ToUpperInvariant();
            if (key is not null)
            {
                if (!material.IsValid(key))
                {
                    throw context.Error($"{path}.key", "does not pass the key check (wrong prefix, shape or signature for this site's secret).");
                }

                if (!keys.TryAdd(key, path))
                {
                    throw context.Error($"{path}.key", $"is a duplicate of {keys[key]}.key.");
                }
            }

            var email = context.RequiredString(item, "customerEmail", $"{path}.customerEmail");
            if (!EmailAddressRule.IsValid(email))
            {
                throw context.Error($"{path}.customerEmail", $"'{email}' is not a valid email address.");
            }

            if (!customers.TryGetValue(email, out var customer))
            {
                customer = await users.FindByEmailAsync(email, cancellationToken)
                    ?? throw context.Error($"{path}.customerEmail", $"no account has the email '{email}'.");
                customers[email] = customer;
            }

            var product = context.RequiredString(item, "product", $"{path}.product");
            if (product.Length > LicenseConfiguration.ProductNameMaxLength)
            {
                throw context.Error($"{path}.product", $"must be at most {LicenseConfiguration.ProductNameMaxLength} characters.");
            }

            var expiryText = context.OptionalString(item, "expiry", $"{path}.expiry");
            DateOnly? expiry = null;
            if (expiryText is not null)
            {
                expiry = DateOnly.TryParseExact(expiryText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw context.Error($"{path}.expiry", $"'{expiryText}' is not a date YYYY-MM-DD (or null for lifetime).");
            }

            var max = LicensingLimits.ReadMaxActivations(context, item, $"{path}.maxActivations") ?? 0;
            var status = context.OptionalString(item, "status", $"{path}.status")?.Trim() ?? nameof(LicenseStatus.Active);
            var (revoked, suspended) = status.ToUpperInvariant() switch
            {
                "ACTIVE" => (false, false),
                "REVOKED" => (true, false),
                "SUSPENDED" => (false, true),
                _ => throw context.Error($"{path}.status", $"'{status}' is not Active, Suspended or Revoked."),
            };
            var productSlug = context.OptionalString(item, "productSlug", $"{path}.productSlug")?.Trim();
            int? productId = null;
            if (productSlug is not null)
            {
                if (!productIds.TryGetValue(productSlug, out productId))
                {
                    productId = await catalog.FindProductIdAsync(productSlug, cancellationToken);
                    productIds[productSlug] = productId;
                }

                if (productId is null)
                {
                    throw context.Error($"{path}.productSlug", $"no product has the slug '{productSlug}'.");
                }
            }
            var matchBy = LicensingPlanEditor.ReadMatchRule(context, item, $"{path}.matchBy") ?? LicenseMatchRule.DomainOrIp;
            var activations = ReadActivations(context, item, path);
            if (max > 0 && activations.Count > max)
            {
                throw context.Error($"{path}.activations", $"has {activations.Count} environments but maxActivations is {max}.");
            }

            licenses.Add(new ImportedLicense(key, customer.Id, customer.Email, product, expiry, max, matchBy, revoked, activations, productId, suspended));
            cancellationToken.ThrowIfCancellationRequested();
        }

        foreach (var chunk in keys.Keys.Chunk(500))
        {
            var existing = await db.Licenses.AsNoTracking().Where(l => chunk.Contains(l.Key)).Select(l => l.Key).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                throw context.Error($"{keys[existing]}.key", "already exists on this site.");
            }
        }

        await issuer.ImportAsync(licenses, Actor, cancellationToken);
    }

    private static List<(string Domain, string Ip)> ReadActivations(RecipeStepContext context, System.Text.Json.JsonElement item, string path)
    {
        var activations = new List<(string Domain, string Ip)>();
        foreach (var (activation, activationPath) in context.Array(item, "activations", $"{path}.activations"))
        {
            context.RequireObject(activation, activationPath);
            var domainText = context.RequiredString(activation, "domain", $"{activationPath}.domain");
            var domain = EnvironmentName.NormalizeDomain(domainText)
                ?? throw context.Error($"{activationPath}.domain", $"'{domainText}' is not a host name, host:port or URL.");
            var ipText = context.RequiredString(activation, "ip", $"{activationPath}.ip");
            var ip = EnvironmentName.ParseIp(ipText) is { } address
                ? EnvironmentName.Canonical(address)
                : throw context.Error($"{activationPath}.ip", $"'{ipText}' is not an IPv4 or IPv6 address.");
            if (activations.Contains((domain, ip)))
            {
                throw context.Error(activationPath, $"lists the environment {domain} ({ip}) twice.");
            }

            activations.Add((domain, ip));
        }

        return activations;
    }
}

using System.Globalization;
using System.Text.Json;
using CP.Commerce.Catalog;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using CP.Licensing.Plans;
using CP.Licensing.Settings;
using StoreSite.Mail;
using StoreSite.Recipes;
using StoreSite.Users;

namespace CP.Licensing.Recipes;

/// <summary>
/// <c>{"name": "Licenses", "licenses": [{"key": "CP-…" (optional), "customerEmail": "…", "product": "…",
/// "productSlug": "gallery-pro" (optional: the catalog product Verify's <c>product</c> checks),
/// "expiry": "YYYY-MM-DD" | null, "maxActivations": 5, "status": "Active" | "Suspended" | "Revoked", "matchBy": "DomainOrIp"
/// (optional), "activations": [{"domain": "…", "ip": "…"}]}]}</c>: imports licenses. The entries are
/// read from the recipe one at a time and written in batches (<see cref="LicenseImport"/>) in the
/// recipe's transaction, so a million keys never sit in memory; the first problem in the order of
/// the entries (a bad value, or a key that the unique index finds on the site or earlier in the
/// file) stops the recipe naming the entry and field, and the recipe's rollback leaves nothing written.
/// </summary>
public sealed class LicensesStep(
    LicenseIssuer issuer,
    LicensingSettingsStore settings,
    IProductCatalog catalog,
    IUserDirectory users) : IStreamingRecipeStep
{
    public const string Actor = "recipe";

    /// <summary>Customers remembered by email during an import (the lookups of a few customers' many keys); forgotten when full.</summary>
    private const int CustomersKept = 10_000;

    private const string Entries = "licenses";

    public string Name => "Licenses";

    public string StreamedProperty => Entries;

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var material = await settings.GetKeyMaterialAsync(cancellationToken);
        var customers = new Dictionary<string, StoreUserInfo>(StringComparer.OrdinalIgnoreCase);
        var productIds = new Dictionary<string, int?>(StringComparer.Ordinal);
        await using var import = await issuer.BeginImportAsync(Actor, cancellationToken);
        var number = 0;
        await foreach (var (item, path) in context.StreamArrayAsync(Entries, Entries, cancellationToken))
        {
            ImportedLicense license;
            try
            {
                license = await ReadAsync(context, item, path, material, customers, productIds, cancellationToken);
            }
            catch (RecipeException)
            {
                // An entry before this one whose key the database refuses is the first problem.
                if (await import.FlushAsync(cancellationToken) is { } earlier)
                {
                    throw await RefusedAsync(context, earlier, cancellationToken);
                }

                throw;
            }

            if (await import.AddAsync(license, number, cancellationToken) is { } refused)
            {
                throw await RefusedAsync(context, refused, cancellationToken);
            }

            number++;
        }

        if (await import.CompleteAsync(cancellationToken) is { } last)
        {
            throw await RefusedAsync(context, last, cancellationToken);
        }
    }

    private async Task<ImportedLicense> ReadAsync(
        RecipeStepContext context,
        JsonElement item,
        string path,
        LicenseKeyMaterial material,
        Dictionary<string, StoreUserInfo> customers,
        Dictionary<string, int?> productIds,
        CancellationToken cancellationToken)
    {
        context.RequireObject(item, path);
        var key = context.OptionalString(item, "key", $"{path}.key")?.Trim().ToUpperInvariant();
        if (key is not null && !material.IsValid(key))
        {
            throw context.Error($"{path}.key", "does not pass the key check (wrong prefix, shape or signature for this site's secret).");
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
            if (customers.Count >= CustomersKept)
            {
                customers.Clear();
            }

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

        cancellationToken.ThrowIfCancellationRequested();
        return new ImportedLicense(key, customer.Id, customer.Email, product, expiry, max, matchBy, revoked, activations, productId, suspended);
    }

    /// <summary>
    /// The error for an entry whose key the database refused: the entries before it are read again
    /// (only now, when the recipe stops) to name the first with the same key; none means the key was on the site already.
    /// </summary>
    private static async Task<RecipeException> RefusedAsync(RecipeStepContext context, RefusedLicense refused, CancellationToken cancellationToken)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"{Entries}[{refused.Number}].key");
        var number = 0;
        await foreach (var (item, path) in context.StreamArrayAsync(Entries, Entries, cancellationToken))
        {
            if (number++ == refused.Number)
            {
                break;
            }

            if (context.TryGetProperty(item, "key", out var key) && key.ValueKind == JsonValueKind.String
                && string.Equals(key.GetString()!.Trim().ToUpperInvariant(), refused.Key, StringComparison.Ordinal))
            {
                return context.Error(field, $"is a duplicate of {path}.key.");
            }
        }

        return context.Error(field, "already exists on this site.");
    }

    private static List<(string Domain, string Ip)> ReadActivations(RecipeStepContext context, JsonElement item, string path)
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

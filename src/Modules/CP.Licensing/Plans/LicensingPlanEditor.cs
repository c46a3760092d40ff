using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using CP.Commerce.Catalog;
using CP.Commerce.Plans;
using CP.Commerce.Services;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.EntityFrameworkCore;
using StoreSite.Recipes;
using StoreSite.Settings;

namespace CP.Licensing.Plans;

/// <summary>
/// The plan editor's <c>licensing</c> section: Issue License Key? (off by default), validity
/// (Lifetime or N days/weeks/months/years), Max Activations and the match rule, stored in
/// licensing's own table keyed by plan id. Also read from a <c>Products</c> recipe plan's
/// <c>licensing</c>: <c>issueLicense</c>, <c>validity</c> {<c>unit</c>, <c>value</c>} or
/// <c>lifetime</c>, <c>maxActivations</c>, <c>matchBy</c>, <c>developmentSitesFree</c> (default true),
/// <c>deactivations</c> {<c>allowed</c>, <c>per30Days</c>} (the self-service deactivation allowance:
/// true and 3 when absent; 0 is unlimited), <c>renewal</c> {<c>enabled</c> (default true), <c>price</c>
/// (a number; the plan's price when absent)}.
/// </summary>
public sealed class LicensingPlanEditor(LicensingDbContext db, IProductCatalog catalog, ISiteSettingsStore settings) : IPlanEditorExtension
{
    private static readonly string[] RenewalFields = ["enabled", "price"];

    public string Name => "licensing";

    public string DisplayName => "Licensing";

    public string EditorView => "_LicensingPlanEditor";

    public Type EditorModelType => typeof(LicensingPlanEditorViewModel);

    public async Task<object> LoadAsync(int? planId, CancellationToken cancellationToken)
    {
        var stored = planId is null
            ? null
            : await db.PlanLicensingSettings.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId, cancellationToken);
        return stored is null ? new LicensingPlanEditorViewModel() : LicensingPlanEditorViewModel.From(stored);
    }

    public async Task SaveAsync(int planId, object model, CancellationToken cancellationToken)
    {
        var editor = model as LicensingPlanEditorViewModel
            ?? throw new ArgumentException($"Expected a {nameof(LicensingPlanEditorViewModel)}.", nameof(model));
        Validator.ValidateObject(editor, new ValidationContext(editor), validateAllProperties: true);
        var stored = await db.PlanLicensingSettings.FirstOrDefaultAsync(p => p.PlanId == planId, cancellationToken);
        if (stored is null)
        {
            stored = new PlanLicensingSettings { PlanId = planId };
            db.PlanLicensingSettings.Add(stored);
        }

        editor.ApplyTo(stored);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<object> ReadRecipeAsync(JsonElement json, RecipeStepContext context, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw context.Error(path, "must be an object.");
        }

        var model = new LicensingPlanEditorViewModel
        {
            IssueLicense = context.OptionalBool(json, "issueLicense", $"{path}.issueLicense") ?? false,
            MaxActivations = LicensingLimits.ReadMaxActivations(context, json, $"{path}.maxActivations") ?? 1,
            MatchBy = ReadMatchRule(context, json, $"{path}.matchBy") ?? LicenseMatchRule.DomainOrIp,
            DevelopmentSitesFree = context.OptionalBool(json, "developmentSitesFree", $"{path}.developmentSitesFree") ?? true,
        };

        var lifetime = context.OptionalBool(json, "lifetime", $"{path}.lifetime");
        var hasValidity = context.TryGetProperty(json, "validity", out var validity);
        if (hasValidity && lifetime == true)
        {
            throw context.Error($"{path}.validity", "give either 'validity' or 'lifetime: true', not both.");
        }

        if (hasValidity)
        {
            context.RequireObject(validity, $"{path}.validity");
            var unit = context.RequiredString(validity, "unit", $"{path}.validity.unit");
            model.ValidityUnit = unit.ToUpperInvariant() switch
            {
                "DAYS" or "DAY" => LicenseValidityUnit.Days,
                "WEEKS" or "WEEK" => LicenseValidityUnit.Weeks,
                "MONTHS" or "MONTH" => LicenseValidityUnit.Months,
                "YEARS" or "YEAR" => LicenseValidityUnit.Years,
                _ => throw context.Error($"{path}.validity.unit", $"'{unit}' is not days, weeks, months or years."),
            };
            model.ValidityValue = context.OptionalInt(validity, "value", $"{path}.validity.value", 1, LicensingPlanEditorViewModel.MaxValidityValue)
                ?? throw context.Error($"{path}.validity.value", "is required.");
        }
        else if (lifetime == false)
        {
            throw context.Error($"{path}.lifetime", "'lifetime: false' needs a 'validity'.");
        }

        if (context.TryGetProperty(json, "deactivations", out var deactivations))
        {
            context.RequireObject(deactivations, $"{path}.deactivations");
            model.DeactivationsAllowed = context.OptionalBool(deactivations, "allowed", $"{path}.deactivations.allowed") ?? DeactivationAllowance.Default.Allowed;
            model.DeactivationsPer30Days = context.OptionalInt(deactivations, "per30Days", $"{path}.deactivations.per30Days", 0, DeactivationAllowance.MaxPer30Days)
                ?? DeactivationAllowance.Default.Per30Days;
        }

        if (context.TryGetProperty(json, "renewal", out var renewal))
        {
            context.RequireObject(renewal, $"{path}.renewal");
            foreach (var setting in renewal.EnumerateObject().Select(p => p.Name).Where(n => !RenewalFields.Contains(n, StringComparer.OrdinalIgnoreCase)))
            {
                // A misspelt price must not sell renewals at the plan's full price unnoticed.
                throw context.Error($"{path}.renewal.{setting}", $"Unknown renewal setting '{setting}': use 'enabled' and 'price'.");
            }

            model.RenewalEnabled = context.OptionalBool(renewal, "enabled", $"{path}.renewal.enabled") ?? true;
            model.RenewalPrice = MoneyRecipeField.Read(context, renewal, "price", $"{path}.renewal.price");
        }

        return Task.FromResult<object>(model);
    }

    /// <summary>The card lines of the licensed plans (<see cref="LicensingPlanWords"/>), the renewal priced in the store's currency (the plan's price unless the plan sets one).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> DescribePlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planIds);
        var ids = planIds.ToList();
        var plans = await db.PlanLicensingSettings.AsNoTracking()
            .Where(p => ids.Contains(p.PlanId) && p.IssueLicense)
            .ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<string>>();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var prices = await catalog.FindPlansAsync(ids, cancellationToken);
        return plans.ToDictionary(p => p.PlanId, p =>
        {
            var price = p.RenewalPrice ?? prices.GetValueOrDefault(p.PlanId)?.Price;
            return LicensingPlanWords.Describe(p, price is { } amount ? Money.Format(amount, site.Currency) : null);
        });
    }

    public static LicenseMatchRule? ReadMatchRule(RecipeStepContext context, JsonElement json, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.OptionalString(json, "matchBy", path);
        if (value is null)
        {
            return null;
        }

        return Enum.TryParse<LicenseMatchRule>(value.Trim(), ignoreCase: true, out var rule) && Enum.IsDefined(rule) && !char.IsDigit(value.Trim()[0])
            ? rule
            : throw context.Error(path, $"'{value}' is not DomainOrIp, Domain or Ip.");
    }
}

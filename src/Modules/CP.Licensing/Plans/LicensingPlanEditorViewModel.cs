using System.ComponentModel.DataAnnotations;
using CP.Commerce.Services;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Models;
using Microsoft.AspNetCore.Mvc;

namespace CP.Licensing.Plans;

/// <summary>The licensing section of the pricing-plan editor (form prefix <c>licensing</c>).</summary>
public sealed class LicensingPlanEditorViewModel : IValidatableObject
{
    public const int MaxValidityValue = 1000;

    [Display(Name = "Issue License Key?")]
    public bool IssueLicense { get; set; }

    /// <summary>Lifetime, or the unit of <see cref="ValidityValue"/>.</summary>
    [Display(Name = "Validity")]
    public LicenseValidityUnit ValidityUnit { get; set; } = LicenseValidityUnit.Lifetime;

    [Display(Name = "Valid for")]
    [Range(1, MaxValidityValue, ErrorMessage = "Enter a number from 1 to 1000.")]
    public int? ValidityValue { get; set; }

    [Display(Name = "Max Activations")]
    [Range(0, LicensingLimits.MaxActivations, ErrorMessage = LicensingLimits.MaxActivationsProblem)]
    public int MaxActivations { get; set; } = 1;

    [Display(Name = "Match environments by")]
    public LicenseMatchRule MatchBy { get; set; } = LicenseMatchRule.DomainOrIp;

    /// <summary>Development sites use no slot (on by default); off, they count like any other.</summary>
    [Display(Name = "Development sites are free")]
    public bool DevelopmentSitesFree { get; set; } = true;

    [Display(Name = "Customers may deactivate environments")]
    public bool DeactivationsAllowed { get; set; } = true;

    [Display(Name = "Deactivations per 30 days")]
    [Range(0, DeactivationAllowance.MaxPer30Days, ErrorMessage = "Enter a number from 0 (unlimited) to 1000.")]
    public int DeactivationsPer30Days { get; set; } = 3;

    /// <summary>Keys with a validity can be renewed on the same key (on by default).</summary>
    [Display(Name = "Customers may renew keys")]
    public bool RenewalEnabled { get; set; } = true;

    /// <summary>Empty is the plan's price; read by the one money rule (<see cref="MoneyModelBinder"/>).</summary>
    [Display(Name = "Renewal price")]
    [ModelBinder(typeof(MoneyModelBinder))]
    public decimal? RenewalPrice { get; set; }

    public LicenseValidity Validity => ValidityUnit == LicenseValidityUnit.Lifetime
        ? LicenseValidity.Lifetime
        : new LicenseValidity(ValidityUnit, ValidityValue ?? 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(ValidityUnit))
        {
            yield return new ValidationResult("Choose Lifetime, days, weeks, months or years.", [nameof(ValidityUnit)]);
        }
        else if (ValidityUnit != LicenseValidityUnit.Lifetime && ValidityValue is null)
        {
            yield return new ValidationResult("Enter how many days, weeks, months or years a key is valid.", [nameof(ValidityValue)]);
        }

        if (RenewalPrice is { } price && !Money.IsValidPrice(price))
        {
            yield return new ValidationResult(Money.PriceProblem, [nameof(RenewalPrice)]);
        }

        if (!Enum.IsDefined(MatchBy))
        {
            yield return new ValidationResult("Choose how calls match the allow-list.", [nameof(MatchBy)]);
        }
    }

    public static LicensingPlanEditorViewModel From(PlanLicensingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new LicensingPlanEditorViewModel
        {
            IssueLicense = settings.IssueLicense,
            ValidityUnit = settings.ValidityUnit,
            ValidityValue = settings.ValidityUnit == LicenseValidityUnit.Lifetime ? null : settings.ValidityValue,
            MaxActivations = settings.MaxActivations,
            MatchBy = settings.MatchBy,
            DevelopmentSitesFree = settings.DevelopmentSitesFree,
            DeactivationsAllowed = settings.DeactivationsAllowed,
            DeactivationsPer30Days = settings.DeactivationsPer30Days,
            RenewalEnabled = settings.RenewalEnabled,
            RenewalPrice = settings.RenewalPrice,
        };
    }

    public void ApplyTo(PlanLicensingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.IssueLicense = IssueLicense;
        settings.ValidityUnit = ValidityUnit;
        settings.ValidityValue = ValidityUnit == LicenseValidityUnit.Lifetime ? 0 : ValidityValue ?? 0;
        settings.MaxActivations = MaxActivations;
        settings.MatchBy = MatchBy;
        settings.DevelopmentSitesFree = DevelopmentSitesFree;
        settings.DeactivationsAllowed = DeactivationsAllowed;
        settings.DeactivationsPer30Days = DeactivationsPer30Days;
        settings.RenewalEnabled = RenewalEnabled;
        settings.RenewalPrice = RenewalPrice;
    }
}

using System.Globalization;
using CP.Licensing.Models;

namespace CP.Licensing.Plans;

/// <summary>
/// What a licensed plan gives, in the words of its card on the product page, one line each: the sites
/// ("1 site", "5 sites", "Unlimited sites"), the validity ("1 year of updates and support",
/// "Lifetime updates and support"), the renewal when the plan offers one ("Renews at 49.00 USD/year",
/// "Renews at 20.00 USD every 6 months").
/// </summary>
public static class LicensingPlanWords
{
    /// <param name="renewalPrice">The renewal's price as pages write money; null when it is not known (the line then names no price).</param>
    public static IReadOnlyList<string> Describe(PlanLicensingSettings plan, string? renewalPrice)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lines = new List<string>
        {
            plan.MaxActivations switch
            {
                0 => "Unlimited sites",
                1 => "1 site",
                var n => string.Create(CultureInfo.InvariantCulture, $"{n:N0} sites"),
            },
            plan.ValidityUnit == LicenseValidityUnit.Lifetime
                ? "Lifetime updates and support"
                : $"{Period(plan)} of updates and support",
        };
        if (plan.OffersRenewal)
        {
            var single = plan.ValidityValue == 1;
            lines.Add((renewalPrice, single) switch
            {
                (null, true) => $"Renews every {UnitName(plan.ValidityUnit, 1)}",
                (null, false) => $"Renews every {Period(plan)}",
                (_, true) => $"Renews at {renewalPrice}/{UnitName(plan.ValidityUnit, 1)}",
                _ => $"Renews at {renewalPrice} every {Period(plan)}",
            });
        }

        return lines;
    }

    /// <summary>"1 year", "6 months", "30 days".</summary>
    private static string Period(PlanLicensingSettings plan) =>
        string.Create(CultureInfo.InvariantCulture, $"{plan.ValidityValue} {UnitName(plan.ValidityUnit, plan.ValidityValue)}");

    private static string UnitName(LicenseValidityUnit unit, int value)
    {
        var name = unit.ToString().ToLowerInvariant();
        return value == 1 ? name[..^1] : name;
    }
}

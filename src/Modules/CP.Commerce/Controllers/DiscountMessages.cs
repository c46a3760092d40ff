using System.Globalization;
using CP.Commerce.Discounts;
using CP.Commerce.Models;
using CP.Commerce.Services;

namespace CP.Commerce.Controllers;

/// <summary>The words the admin and the customer read about discount codes, chosen from the <see cref="DiscountProblems"/> code.</summary>
public static class DiscountMessages
{
    public const string Changed = "The code changed while you were editing it (another admin took the code, or orders used it past the new maximum). Check the form and save again.";
    public const string Removed = "The discount code was removed from your cart.";
    public const string EnterCode = "Enter a discount code.";
    public const string CartEmpty = "Put something in your cart first, then enter the discount code.";

    /// <summary>How many products and plans <see cref="Scope"/> names before saying how many more.</summary>
    public const int ScopeNames = 5;

    public static string Created(string code) => $"Discount code {code} created.";

    public static string Saved(string code) => $"Discount code {code} saved.";

    public static string Deactivated(string code) => $"Discount code {code} deactivated: customers can no longer use it.";

    public static string Applied(string code) => $"Discount code {code} applied.";

    /// <summary>Why a code is refused in the cart or at checkout (a <see cref="DiscountProblems"/> code).</summary>
    public static string Refused(string? problem) => problem switch
    {
        DiscountProblems.Unknown => "That discount code does not exist. Check its spelling.",
        DiscountProblems.Inactive => "That discount code is no longer active.",
        DiscountProblems.NotYetValid => "That discount code is not valid yet.",
        DiscountProblems.Expired => "That discount code has expired.",
        DiscountProblems.NotForTheseItems => "That discount code is not for the items in your cart.",
        DiscountProblems.UsedUp => "That discount code has been used up.",
        DiscountProblems.UsedUpForCustomer => "You have already used that discount code as often as one customer may.",
        _ => "That discount code cannot be used.",
    };

    /// <summary>What the code takes off: <c>20% off</c>, <c>10.00 USD off the order</c>.</summary>
    public static string Value(Discount discount, string currency)
    {
        ArgumentNullException.ThrowIfNull(discount);
        return discount.Kind == DiscountKind.Percent
            ? string.Create(CultureInfo.InvariantCulture, $"{discount.Percent}% off")
            : $"{Money.Format(discount.Amount, currency)} off the order";
    }

    /// <summary>Which lines the code counts for, in words.</summary>
    public static string AppliesTo(DiscountAppliesTo appliesTo) => appliesTo switch
    {
        DiscountAppliesTo.New => "New purchases",
        DiscountAppliesTo.Renewals => "Renewals",
        _ => "New purchases, renewals and upgrades",
    };

    /// <summary>
    /// What a code is for, in words: <c>Every product</c>, or its products and plans
    /// (<c>Backup Guard; Site Builder Pro: Agency (5 sites)</c>), the first <see cref="ScopeNames"/> and how many more.
    /// </summary>
    public static string Scope(IReadOnlyList<string> products, IReadOnlyList<(string Product, string Plan)> plans)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(plans);
        var names = products.Concat(plans.Select(p => $"{p.Product}: {p.Plan}")).ToList();
        return names.Count == 0 ? "Every product"
            : names.Count <= ScopeNames ? string.Join("; ", names)
            : string.Join("; ", names.Take(ScopeNames)) + string.Create(CultureInfo.InvariantCulture, $" and {names.Count - ScopeNames} more");
    }

    /// <summary>A maximum in words: <c>unlimited</c> for 0.</summary>
    public static string Limit(int max) => max == 0 ? "unlimited" : max.ToString("N0", CultureInfo.InvariantCulture);
}

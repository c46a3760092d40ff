using CP.Commerce.Cart;
using CP.Commerce.Renewals;
using CP.Commerce.Upgrades;
using StoreSite;

namespace CP.Commerce.Controllers;

/// <summary>The words the customer reads about the cart, chosen from the <see cref="CartProblems"/> code.</summary>
public static class CartMessages
{
    public const string QuantityOutOfRange = "Enter a quantity between 1 and 100.";
    public const string PlanUnavailable = "That plan is not available.";
    public const string Updated = "Your cart was updated.";
    public const string Removed = "The item was removed from your cart.";
    public const string RenewalInCart = "The renewal of this key is already in your cart: a key is renewed once per order.";
    public const string KeyInCart = "This key already has a renewal or an upgrade in your cart: one change per key and order. Pay for it first, or remove it.";

    public static string Added(string productName, string planName) => $"Added {productName} – {planName} to your cart.";

    public static string Renewal(string maskedKey) => $"Added the renewal of {maskedKey} to your cart.";

    public static string Upgrade(string maskedKey, string planName) => $"Added the upgrade of {maskedKey} to {planName} to your cart.";

    /// <summary>Why a key cannot be upgraded (an <see cref="UpgradeProblems"/> code).</summary>
    public static string UpgradeRefused(string? problem) => problem switch
    {
        UpgradeProblems.NotFound => "That license key is not yours, or you are not signed in.",
        UpgradeProblems.Revoked => "A revoked key cannot be upgraded.",
        UpgradeProblems.Suspended => "A suspended key cannot be upgraded until it is reinstated.",
        UpgradeProblems.Expired => "An expired key cannot be upgraded: renew it first.",
        UpgradeProblems.NotOffered => "That plan is not an upgrade of this key.",
        _ => "This upgrade is not available.",
    };

    /// <summary>Why a cart line cannot be bought now.</summary>
    public static string Unavailable(PricedCartLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.IsUpgrade ? UpgradeRefused(line.Refusal) : line.IsRenewal ? RenewalRefused(line.Refusal) : "No longer available";
    }

    /// <summary>Why a key cannot be renewed (a <see cref="RenewalProblems"/> code).</summary>
    public static string RenewalRefused(string? problem) => problem switch
    {
        RenewalProblems.NotFound => "That license key is not yours, or you are not signed in.",
        RenewalProblems.Lifetime => "A Lifetime key never expires: there is nothing to renew.",
        RenewalProblems.Revoked => "A revoked key cannot be renewed.",
        RenewalProblems.Suspended => "A suspended key cannot be renewed until it is reinstated.",
        RenewalProblems.NotOffered => "This key's plan does not offer renewals.",
        _ => "This renewal is not available.",
    };

    /// <summary>Why a change to the cart did not happen.</summary>
    public static string Refused(Outcome outcome) => outcome.Problem switch
    {
        CartProblems.QuantityOutOfRange => QuantityOutOfRange,
        CartProblems.TooManyLines => $"Your cart holds at most {ShoppingCart.MaxLines} different plans.",
        CartProblems.TooManyOfOnePlan => $"You can buy at most {ShoppingCart.MaxQuantity} of one plan in an order.",
        CartProblems.NotInCart => "That item is not in your cart any more.",
        CartProblems.PlanUnavailable => PlanUnavailable,
        CartProblems.RenewalInCart => RenewalInCart,
        CartProblems.KeyInCart => KeyInCart,
        RenewalProblems.NotFound or RenewalProblems.Lifetime or RenewalProblems.Revoked or RenewalProblems.Suspended or RenewalProblems.NotOffered => RenewalRefused(outcome.Problem),
        UpgradeProblems.NotFound or UpgradeProblems.Revoked or UpgradeProblems.Suspended or UpgradeProblems.Expired or UpgradeProblems.NotOffered => UpgradeRefused(outcome.Problem),
        _ => $"Your cart was not changed ({outcome.Problem}).",
    };
}

using CP.Commerce.Events;
using CP.Commerce.Models;
using CP.Commerce.Services;

namespace CP.Commerce.Discounts;

/// <summary>
/// How much a discount takes off each line, in the currency's minor unit (<see cref="Money.MinorUnits"/>),
/// never more than a line's subtotal. A percent is taken off each eligible line and rounded half away
/// from zero. A fixed amount is taken off the order once: at most the eligible lines' sum, spread over
/// them in proportion to their subtotals, each share rounded down to the minor unit and the units left
/// given one each to the lines with the largest remainders (first line first on a tie), so the shares
/// add up to the amount exactly.
/// </summary>
public static class DiscountShares
{
    /// <summary>Whether a code that applies to <paramref name="appliesTo"/> counts for a line of <paramref name="kind"/> (upgrades only for every line).</summary>
    public static bool Covers(DiscountAppliesTo appliesTo, OrderLineKind kind) => appliesTo switch
    {
        DiscountAppliesTo.New => kind == OrderLineKind.New,
        DiscountAppliesTo.Renewals => kind == OrderLineKind.Renewal,
        _ => true,
    };

    /// <summary>
    /// Whether <paramref name="discount"/> (with its products and plans loaded) counts for a line of
    /// <paramref name="kind"/>, of product <paramref name="productId"/> and plan <paramref name="planId"/>:
    /// of its kinds, and when it names products or plans, of one of its products or one of its plans.
    /// </summary>
    public static bool Covers(Discount discount, OrderLineKind kind, int productId, int planId)
    {
        ArgumentNullException.ThrowIfNull(discount);
        return Covers(discount.AppliesTo, kind)
            && ((discount.Products.Count == 0 && discount.Plans.Count == 0)
                || discount.Products.Any(p => p.ProductId == productId)
                || discount.Plans.Any(p => p.PlanId == planId));
    }

    /// <summary>The discount of each line; <paramref name="subtotals"/> holds null for a line the code does not cover.</summary>
    public static decimal[] For(Discount discount, IReadOnlyList<decimal?> subtotals, string currency)
    {
        ArgumentNullException.ThrowIfNull(discount);
        ArgumentNullException.ThrowIfNull(subtotals);
        var decimals = Money.MinorUnits(currency);
        var shares = new decimal[subtotals.Count];
        if (discount.Kind == DiscountKind.Percent)
        {
            for (var i = 0; i < subtotals.Count; i++)
            {
                if (subtotals[i] is { } subtotal && subtotal > 0)
                {
                    shares[i] = Math.Min(subtotal, decimal.Round(subtotal * discount.Percent / 100m, decimals, MidpointRounding.AwayFromZero));
                }
            }

            return shares;
        }

        var eligible = subtotals.Select((s, i) => (Subtotal: s ?? 0m, Index: i)).Where(l => l.Subtotal > 0).ToList();
        var total = eligible.Sum(l => l.Subtotal);
        if (total == 0)
        {
            return shares;
        }

        var unit = 1m / Pow10(decimals);
        var amount = Math.Min(Floor(discount.Amount, decimals), Floor(total, decimals));
        var exact = eligible.Select(l => (l.Index, l.Subtotal, Exact: amount * l.Subtotal / total)).ToList();
        foreach (var line in exact)
        {
            shares[line.Index] = Floor(line.Exact, decimals);
        }

        var left = amount - shares.Sum();
        foreach (var line in exact.OrderByDescending(l => l.Exact - shares[l.Index]).ThenBy(l => l.Index))
        {
            if (left < unit)
            {
                break;
            }

            if (shares[line.Index] + unit <= line.Subtotal)
            {
                shares[line.Index] += unit;
                left -= unit;
            }
        }

        return shares;
    }

    private static decimal Floor(decimal value, int decimals)
    {
        var scale = Pow10(decimals);
        return decimal.Floor(value * scale) / scale;
    }

    private static decimal Pow10(int decimals)
    {
        var scale = 1m;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }

        return scale;
    }
}

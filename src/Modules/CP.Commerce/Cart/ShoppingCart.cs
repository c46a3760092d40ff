using StoreSite;

namespace CP.Commerce.Cart;

/// <summary>What a visitor put in the cart: plan ids and quantities only (prices always come from the database).</summary>
public sealed class ShoppingCart
{
    /// <summary>The most of one plan a customer can buy in one order.</summary>
    public const int MaxQuantity = 100;

    /// <summary>The most different plans in one cart.</summary>
    public const int MaxLines = 20;

    private readonly List<CartItem> _items;

    public ShoppingCart(IEnumerable<CartItem>? items = null)
    {
        _items = items?.Where(i => i.PlanId > 0 && i.Quantity is > 0 and <= MaxQuantity).DistinctBy(i => i.PlanId).Take(MaxLines).ToList() ?? [];
    }

    public IReadOnlyList<CartItem> Items => _items;

    public bool IsEmpty => _items.Count == 0;

    public int Count => _items.Sum(i => i.Quantity);

    /// <summary>Adds to the plan's quantity; refused with a <see cref="CartProblems"/> code.</summary>
    public Outcome Add(int planId, int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            return QuantityRefused;
        }

        var index = _items.FindIndex(i => i.PlanId == planId);
        if (index < 0)
        {
            if (_items.Count >= MaxLines)
            {
                return Outcome.Refused(CartProblems.TooManyLines);
            }

            _items.Add(new CartItem(planId, quantity));
            return Outcome.Done;
        }

        var total = _items[index].Quantity + quantity;
        if (total > MaxQuantity)
        {
            return Outcome.Refused(CartProblems.TooManyOfOnePlan, nameof(CartItem.Quantity));
        }

        _items[index] = _items[index] with { Quantity = total };
        return Outcome.Done;
    }

    /// <summary>Sets the plan's quantity; refused with a <see cref="CartProblems"/> code.</summary>
    public Outcome SetQuantity(int planId, int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            return QuantityRefused;
        }

        var index = _items.FindIndex(i => i.PlanId == planId);
        if (index < 0)
        {
            return Outcome.Refused(CartProblems.NotInCart);
        }

        _items[index] = _items[index] with { Quantity = quantity };
        return Outcome.Done;
    }

    private static Outcome QuantityRefused => Outcome.Refused(CartProblems.QuantityOutOfRange, nameof(CartItem.Quantity));

    public bool Remove(int planId) => _items.RemoveAll(i => i.PlanId == planId) > 0;
}

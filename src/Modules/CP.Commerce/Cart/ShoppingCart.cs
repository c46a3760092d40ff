namespace CP.Commerce.Cart;

/// <summary>What a visitor put in the cart: plan ids and quantities only (prices always come from the database).</summary>
public sealed class ShoppingCart
{
    /// <summary>The most of one plan a customer can buy in one order.</summary>
    public const int MaxQuantity = 100;

    /// <summary>The most different plans in one cart.</summary>
    public const int MaxLines = 20;

    public const string QuantityProblem = "Enter a quantity between 1 and 100.";

    private readonly List<CartItem> _items;

    public ShoppingCart(IEnumerable<CartItem>? items = null)
    {
        _items = items?.Where(i => i.PlanId > 0 && i.Quantity is > 0 and <= MaxQuantity).DistinctBy(i => i.PlanId).Take(MaxLines).ToList() ?? [];
    }

    public IReadOnlyList<CartItem> Items => _items;

    public bool IsEmpty => _items.Count == 0;

    public int Count => _items.Sum(i => i.Quantity);

    /// <summary>Adds to the plan's quantity; null when done, else a message for the customer.</summary>
    public string? Add(int planId, int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            return QuantityProblem;
        }

        var index = _items.FindIndex(i => i.PlanId == planId);
        if (index < 0)
        {
            if (_items.Count >= MaxLines)
            {
                return $"Your cart holds at most {MaxLines} different plans.";
            }

            _items.Add(new CartItem(planId, quantity));
            return null;
        }

        var total = _items[index].Quantity + quantity;
        if (total > MaxQuantity)
        {
            return $"You can buy at most {MaxQuantity} of one plan in an order.";
        }

        _items[index] = _items[index] with { Quantity = total };
        return null;
    }

    /// <summary>Sets the plan's quantity; null when done, else a message.</summary>
    public string? SetQuantity(int planId, int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            return QuantityProblem;
        }

        var index = _items.FindIndex(i => i.PlanId == planId);
        if (index < 0)
        {
            return "That item is not in your cart any more.";
        }

        _items[index] = _items[index] with { Quantity = quantity };
        return null;
    }

    public bool Remove(int planId) => _items.RemoveAll(i => i.PlanId == planId) > 0;
}

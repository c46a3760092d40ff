using StoreSite;

namespace CP.Commerce.Cart;

/// <summary>
/// What a visitor put in the cart: plan ids and quantities, and license ids to renew or upgrade (one
/// line per key, quantity 1), and a discount code; prices always come from the database.
/// </summary>
public sealed class ShoppingCart
{
    /// <summary>The most of one plan a customer can buy in one order.</summary>
    public const int MaxQuantity = 100;

    /// <summary>The most different plans in one cart.</summary>
    public const int MaxLines = 20;

    private readonly List<CartItem> _items;

    public ShoppingCart(IEnumerable<CartItem>? items = null, string? discountCode = null)
    {
        DiscountCode = CP.Commerce.Discounts.DiscountCode.Normalize(discountCode);
        _items = items?
            .Where(i => i.PlanId > 0 && (i.IsKeyLine ? i.Quantity == 1 && i.LicenseId > 0 : i.Quantity is > 0 and <= MaxQuantity && !i.IsUpgrade))
            .DistinctBy(i => i.LicenseId is { } license ? -license : i.PlanId) // one line per plan, one per renewed or upgraded key
            .Take(MaxLines)
            .ToList() ?? [];
    }

    public IReadOnlyList<CartItem> Items => _items;

    /// <summary>The discount code the customer entered (normalized), kept with the cart; checked again every time the cart is priced.</summary>
    public string? DiscountCode { get; private set; }

    /// <summary>Keeps <paramref name="code"/> with the cart (normalized; null or a malformed code keeps none).</summary>
    public void UseDiscountCode(string? code) => DiscountCode = CP.Commerce.Discounts.DiscountCode.Normalize(code);

    public bool IsEmpty => _items.Count == 0;

    public int Count => _items.Sum(i => i.Quantity);

    /// <summary>Adds to the plan's quantity; refused with a <see cref="CartProblems"/> code.</summary>
    public Outcome Add(int planId, int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            return QuantityRefused;
        }

        var index = IndexOf(planId);
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

        var index = IndexOf(planId);
        if (index < 0)
        {
            return Outcome.Refused(CartProblems.NotInCart);
        }

        _items[index] = _items[index] with { Quantity = quantity };
        return Outcome.Done;
    }

    /// <summary>
    /// Puts the renewal of license <paramref name="licenseId"/> (sold in <paramref name="planId"/>) in the
    /// cart, quantity 1. Refused with <see cref="CartProblems.RenewalInCart"/> when that key's renewal is
    /// already there (a key is renewed once per order) and <see cref="CartProblems.TooManyLines"/>.
    /// </summary>
    public Outcome AddRenewal(int licenseId, int planId)
    {
        if (_items.Find(i => i.LicenseId == licenseId) is { } present)
        {
            return Outcome.Refused(present.IsUpgrade ? CartProblems.KeyInCart : CartProblems.RenewalInCart);
        }

        if (_items.Count >= MaxLines)
        {
            return Outcome.Refused(CartProblems.TooManyLines);
        }

        _items.Add(new CartItem(planId, 1, licenseId));
        return Outcome.Done;
    }

    /// <summary>
    /// Puts the upgrade of license <paramref name="licenseId"/> to plan <paramref name="planId"/> in the cart,
    /// quantity 1; an upgrade of the same key already there is replaced (the customer chose another plan).
    /// Refused with <see cref="CartProblems.KeyInCart"/> when the key's renewal is there (one change per key
    /// and order) and <see cref="CartProblems.TooManyLines"/>.
    /// </summary>
    public Outcome AddUpgrade(int licenseId, int planId)
    {
        var index = _items.FindIndex(i => i.LicenseId == licenseId);
        if (index >= 0 && !_items[index].IsUpgrade)
        {
            return Outcome.Refused(CartProblems.KeyInCart);
        }

        if (index >= 0)
        {
            _items[index] = new CartItem(planId, 1, licenseId, IsUpgrade: true);
            return Outcome.Done;
        }

        if (_items.Count >= MaxLines)
        {
            return Outcome.Refused(CartProblems.TooManyLines);
        }

        _items.Add(new CartItem(planId, 1, licenseId, IsUpgrade: true));
        return Outcome.Done;
    }

    /// <summary>Takes the renewal or upgrade of license <paramref name="licenseId"/> out of the cart.</summary>
    public bool RemoveRenewal(int licenseId) => _items.RemoveAll(i => i.LicenseId == licenseId) > 0;

    private int IndexOf(int planId) => _items.FindIndex(i => i.PlanId == planId && !i.IsKeyLine);

    private static Outcome QuantityRefused => Outcome.Refused(CartProblems.QuantityOutOfRange, nameof(CartItem.Quantity));

    /// <summary>Takes the plan's new-purchase line out of the cart (its renewals and upgrades stay).</summary>
    public bool Remove(int planId) => _items.RemoveAll(i => i.PlanId == planId && !i.IsKeyLine) > 0;
}

using CP.Commerce.Cart;

namespace StoreSite.Tests.Renewals;

/// <summary>The cart's renewal lines: one per key, quantity 1, apart from purchases of the same plan.</summary>
public sealed class RenewalCartTests
{
    [Fact]
    public void A_key_is_renewed_once_per_cart_the_second_time_is_refused_and_the_line_stays_as_it_was()
    {
        var cart = new ShoppingCart();

        Assert.True(cart.AddRenewal(licenseId: 7, planId: 3).Succeeded);
        var again = cart.AddRenewal(licenseId: 7, planId: 3);

        Assert.False(again.Succeeded);
        Assert.Equal(CartProblems.RenewalInCart, again.Problem);
        Assert.Equal([new CartItem(3, 1, 7)], cart.Items);
        Assert.Equal("The renewal of this key is already in your cart: a key is renewed once per order.", CP.Commerce.Controllers.CartMessages.Refused(again));
    }

    [Fact]
    public void Quantity_changes_and_removals_of_a_plan_leave_its_renewals_alone()
    {
        var cart = new ShoppingCart();
        Assert.True(cart.AddRenewal(7, 3).Succeeded);
        Assert.True(cart.AddRenewal(8, 3).Succeeded);

        Assert.Equal(CartProblems.NotInCart, cart.SetQuantity(3, 5).Problem); // no purchase line of plan 3 to change
        Assert.True(cart.Add(3, 2).Succeeded);
        Assert.True(cart.SetQuantity(3, 4).Succeeded);
        Assert.Equal([new CartItem(3, 1, 7), new CartItem(3, 1, 8), new CartItem(3, 4)], cart.Items);
        Assert.Equal(6, cart.Count);

        Assert.True(cart.Remove(3));
        Assert.Equal([new CartItem(3, 1, 7), new CartItem(3, 1, 8)], cart.Items);
        Assert.True(cart.RemoveRenewal(7));
        Assert.False(cart.RemoveRenewal(7));
        Assert.Equal([new CartItem(3, 1, 8)], cart.Items);
    }

    [Fact]
    public void A_cart_read_back_keeps_one_renewal_per_key_of_quantity_one_and_drops_anything_else()
    {
        var cart = new ShoppingCart(
        [
            new CartItem(3, 1, 7),
            new CartItem(4, 1, 7),   // the same key again
            new CartItem(3, 5, 8),   // a renewal of five
            new CartItem(3, 1, 0),   // no key
            new CartItem(3, 1, -2),
            new CartItem(0, 1, 9),   // no plan
            new CartItem(3, 2),
        ]);

        Assert.Equal([new CartItem(3, 1, 7), new CartItem(3, 2)], cart.Items);
    }

    [Fact]
    public void A_renewal_counts_as_a_line_of_a_full_cart()
    {
        var cart = new ShoppingCart();
        for (var plan = 1; plan <= ShoppingCart.MaxLines; plan++)
        {
            Assert.True(cart.Add(plan, 1).Succeeded);
        }

        var refused = cart.AddRenewal(7, 1);

        Assert.Equal(CartProblems.TooManyLines, refused.Problem);
        Assert.DoesNotContain(cart.Items, i => i.IsRenewal);
    }
}

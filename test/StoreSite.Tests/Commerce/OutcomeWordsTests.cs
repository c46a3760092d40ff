using System.Reflection;
using CP.Commerce.Cart;
using CP.Commerce.Checkout;
using CP.Commerce.Controllers;
using CP.Commerce.Images;
using CP.Commerce.Models;
using CP.Commerce.Services;
using StoreSite;

namespace StoreSite.Tests.Commerce;

/// <summary>The cart answers codes, not sentences; every commerce code has its own words in the web layer.</summary>
public sealed class OutcomeWordsTests
{
    [Fact]
    public void The_cart_refuses_with_codes_and_the_field_they_concern()
    {
        var cart = new ShoppingCart();

        Assert.Equal(Outcome.Refused(CartProblems.QuantityOutOfRange, "Quantity"), cart.Add(1, 0));
        Assert.Equal(Outcome.Refused(CartProblems.QuantityOutOfRange, "Quantity"), cart.Add(1, ShoppingCart.MaxQuantity + 1));
        Assert.True(cart.Add(1, ShoppingCart.MaxQuantity).Succeeded);
        Assert.Equal(Outcome.Refused(CartProblems.TooManyOfOnePlan, "Quantity"), cart.Add(1, 1));
        Assert.Equal(Outcome.Refused(CartProblems.NotInCart), cart.SetQuantity(2, 1));
        for (var plan = 2; plan <= ShoppingCart.MaxLines; plan++)
        {
            Assert.True(cart.Add(plan, 1).Succeeded);
        }

        Assert.Equal(Outcome.Refused(CartProblems.TooManyLines), cart.Add(ShoppingCart.MaxLines + 1, 1));
        Assert.Equal(ShoppingCart.MaxLines, cart.Items.Count);
        Assert.Equal(ShoppingCart.MaxQuantity + ShoppingCart.MaxLines - 1, cart.Count);
    }

    [Fact]
    public void Every_cart_checkout_discount_and_product_code_has_its_own_words()
    {
        var order = new Order { Number = "SO-2026-000001", CustomerId = "c", CustomerEmail = "c@example.com", Currency = "USD" };

        var cart = Codes(typeof(CartProblems)).Select(code => CartMessages.Refused(Outcome.Refused(code))).ToList();
        var checkout = Codes(typeof(CheckoutProblems)).Select(code => CheckoutMessages.Refused(new Outcome<Order>(order, code, Detail: "Gallery – Pro"))).ToList();
        var discount = Codes(typeof(CP.Commerce.Discounts.DiscountProblems)).Select(DiscountMessages.Refused).ToList();
        Assert.Equal(7, discount.Count);
        Assert.Equal(discount.Count, discount.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(DiscountMessages.Refused("no_such_code"), discount);
        Assert.StartsWith("That discount code has expired.", CheckoutMessages.Refused(Outcome<Order>.Refused(CheckoutProblems.DiscountRefused, detail: CP.Commerce.Discounts.DiscountProblems.Expired)), StringComparison.Ordinal);
        var product = Codes(typeof(ProductProblems)).Select(code => ProductMessages.Refused(Outcome.Refused(code))).ToList();

        Assert.Equal(7, cart.Count);
        Assert.Contains(CartMessages.RenewalInCart, cart);
        Assert.Contains(CartMessages.KeyInCart, cart);
        Assert.Equal(9, checkout.Count);
        Assert.All(cart.Concat(checkout).Concat(product), words => Assert.DoesNotContain("(", words, StringComparison.Ordinal));
        Assert.Equal(cart.Count, cart.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(checkout.Count, checkout.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("Gallery – Pro is no longer available", CheckoutMessages.Refused(Outcome<Order>.Refused(CheckoutProblems.ItemUnavailable, detail: "Gallery – Pro")), StringComparison.Ordinal);
        Assert.Contains(order.Number, CheckoutMessages.Refused(new Outcome<Order>(order, CheckoutProblems.NotCompleted)), StringComparison.Ordinal);
        Assert.Equal("Your payment was declined: Card expired. Nothing was charged; you can try again.", CheckoutMessages.Refused(new Outcome<Order>(order, CheckoutProblems.Declined, Detail: "Card expired.")));
    }

    [Fact]
    public void Every_product_image_code_has_its_own_words()
    {
        var codes = typeof(ProductImageProblems).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.StartsWith("Field", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        var words = codes.Select(code => ProductImageMessages.Refused(Outcome.Refused(code))).ToList();

        Assert.Equal(8, codes.Count);
        Assert.All(words, w => Assert.DoesNotContain("(", w, StringComparison.Ordinal));
        Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
    }

    private static IEnumerable<string> Codes(Type problems) =>
        problems.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}

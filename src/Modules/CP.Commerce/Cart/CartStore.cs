using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace CP.Commerce.Cart;

/// <summary>
/// Keeps the cart in a cookie protected by Data Protection (whose keys live in the site database, so
/// every node reads it): no server state, and it survives signing in.
/// </summary>
public sealed class CartStore(IDataProtectionProvider protection)
{
    public const string CookieName = ".StoreSite.Cart";

    private readonly IDataProtector _protector = protection.CreateProtector("CP.Commerce.Cart.v1");

    public ShoppingCart Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[typeof(ShoppingCart)] is ShoppingCart current)
        {
            return current;
        }

        var cart = Decode(context.Request.Cookies[CookieName]);
        context.Items[typeof(ShoppingCart)] = cart;
        return cart;
    }

    public void Write(HttpContext context, ShoppingCart cart)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cart);
        context.Items[typeof(ShoppingCart)] = cart;
        if (cart.IsEmpty)
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return;
        }

        // [plan, quantity] for a purchase, [plan, 1, license] for a renewal, [plan, 1, license, 1] for an upgrade to plan;
        // with a discount code, {"lines": [those], "code": "CODE"}.
        var lines = cart.Items.Select(i => i.LicenseId is { } license
            ? i.IsUpgrade ? new[] { i.PlanId, i.Quantity, license, 1 } : new[] { i.PlanId, i.Quantity, license }
            : new[] { i.PlanId, i.Quantity }).ToArray();
        var json = cart.DiscountCode is { } code ? JsonSerializer.Serialize(new StoredCart(lines, code)) : JsonSerializer.Serialize(lines);
        context.Response.Cookies.Append(CookieName, _protector.Protect(json), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
    }

    public void Clear(HttpContext context) => Write(context, new ShoppingCart());

    private ShoppingCart Decode(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 4096)
        {
            return new ShoppingCart();
        }

        try
        {
            var json = _protector.Unprotect(cookie);
            var stored = json.StartsWith('{') ? JsonSerializer.Deserialize<StoredCart>(json) : new StoredCart(JsonSerializer.Deserialize<int[][]>(json), null);
            var items = (stored?.Lines ?? [])
                .Where(p => p is { Length: 2 or 3 } or [_, _, _, 1])
                .Select(p => new CartItem(p[0], p[1], p.Length >= 3 ? p[2] : null, IsUpgrade: p.Length == 4))
                .ToList();
            return new ShoppingCart(items, stored?.Code);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return new ShoppingCart();
        }
    }

    private sealed record StoredCart(
        [property: System.Text.Json.Serialization.JsonPropertyName("lines")] int[][]? Lines,
        [property: System.Text.Json.Serialization.JsonPropertyName("code")] string? Code);
}

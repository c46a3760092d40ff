using StoreSite.Tests.Host.Support;
using static StoreSite.Tests.Hostile.HostileRequests;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Malformed posts of the storefront's public forms: register, sign in, forgot/reset/change password,
/// cart add/update/remove, the cart's discount code, checkout; Account -> Downloads' page parameter. Each is refused where it lands: the form again with the field's
/// message, the cart with an error notice, or the error page (no antiforgery token, wrong method).
/// </summary>
internal static class PublicFormCorpus
{
    private const string Password = "Good-Passw0rd";
    private const string Product = "/products/site-builder-pro";

    public static Corpus<HostileStore> Cases { get; } = Build();

    private static Corpus<HostileStore> Build()
    {
        var corpus = new Corpus<HostileStore>();
        void Form(string name, Who who, Expect expect, string page, string? form, string action, FormShape shape, params (string, string?)[] values) =>
            corpus.Add(name, who, expect, (_, client) => FormAsync(client, page, form, action, shape, values));
        void Register(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Anonymous, expect, "/account/register", "form[action='/account/register']", "/account/register", FormShape.UrlEncoded, Merge([("Email", "new.person@example.com"), ("Password", Password), ("ConfirmPassword", Password)], values));
        void SignIn(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Anonymous, expect, "/account/login", "form[action='/account/login']", "/account/login", FormShape.UrlEncoded, Merge([("Email", "nobody@example.com"), ("Password", Password)], values));
        void Forgot(string name, Expect expect, string? email) =>
            Form(name, Who.Anonymous, expect, "/account/forgot-password", "form[action='/account/forgot-password']", "/account/forgot-password", FormShape.UrlEncoded, ("Email", email));
        void Reset(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Anonymous, expect, "/account/forgot-password", null, "/account/reset-password", FormShape.UrlEncoded, Merge([("Email", HostileStore.ShopperEmail), ("Code", "Q2ZESjhHYXJiYWdl"), ("Password", Password), ("ConfirmPassword", Password)], values));
        void ChangePassword(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Customer, expect, "/account/change-password", "form[action='/account/change-password']", "/account/change-password", FormShape.UrlEncoded, Merge([("CurrentPassword", "Wrong-Passw0rd"), ("NewPassword", Password), ("ConfirmPassword", Password)], values));
        void AddToCart(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Customer, expect, Product, "form.add-to-cart", "/cart/add", FormShape.UrlEncoded, values);
        void Cart(string name, string action, Expect expect, FormShape shape, params (string, string?)[] values) =>
            Form(name, Who.Customer, expect, "/cart", null, action, shape, values);
        void Checkout(string name, Expect expect, FormShape shape, params (string, string?)[] values) =>
            Form(name, Who.Customer, expect, "/checkout", "form.checkout-form", "/checkout", shape, values);
        void Method(string name, Who who, HttpMethod method, string url) =>
            corpus.Add(name, who, Expect.Error(405), (_, client) => SendAsync(client, method, url, new FormUrlEncodedContent([new("Email", "a@example.com")])));
        void Get(string name, Who who, Expect expect, string url) =>
            corpus.Add(name, who, expect, (_, client) => client.GetAsync(url));
        void Hosted(string name, Who who, Expect expect, string page, string form, string action, (string, string)[] headers, params (string, string?)[] values) =>
            corpus.Add(name, who, expect, (_, client) => FormAsync(client, page, form, action, FormShape.UrlEncoded, headers, values));
        void ForgotHosted(string name, (string, string)[] headers) =>
            corpus.Add(name, Who.Anonymous, Expect.Page(), async (store, client) =>
            {
                var mailed = MailPickup.To(store.Site.MailFolder, HostileStore.ShopperEmail).Count;
                var response = await FormAsync(client, "/account/forgot-password", "form[action='/account/forgot-password']", "/account/forgot-password", FormShape.UrlEncoded, headers, ("Email", HostileStore.ShopperEmail));
                await store.Site.PasswordResetsHandledAsync();
                Assert.Equal(mailed + 1, MailPickup.To(store.Site.MailFolder, HostileStore.ShopperEmail).Count);
                store.AssertMailLinksOnTheSite();
                return response;
            });

        // Register: invalid fields get their message; values an email check may let through are paired with a password mismatch.
        Register("register: empty email", Expect.Message("Email"), ("Email", string.Empty));
        Register("register: 1 MB email", Expect.Message("Email"), ("Email", Megabyte));
        Register("register: SQL email", Expect.Message("Email"), ("Email", Sql));
        Register("register: markup email", Expect.Message("Email"), ("Email", Markup));
        Register("register: email with control characters", Expect.Message("Email"), ("Email", "new\u0007person@example.com"));
        Register("register: NUL in the email", Expect.Error(400), ("Email", Nul));
        Register("register: email with CRLF header injection", Expect.Message("Email"), ("Email", "new.person@example.com\r\nBcc: all@example.com"));
        Register("register: email without a dot in the domain", Expect.Message("Email"), ("Email", "new.person@localhost"));
        Register("register: SQL in the local part, passwords differ", Expect.Message("ConfirmPassword"), ("Email", "' OR 1=1 --@example.com"), ("ConfirmPassword", "Other-Passw0rd"));
        Register("register: markup in the local part, passwords differ", Expect.Message("ConfirmPassword"), ("Email", "<script>alert(1)</script>@example.com"), ("ConfirmPassword", "Other-Passw0rd"));
        Register("register: right-to-left override in the email, passwords differ", Expect.Message("ConfirmPassword"), ("Email", "\u202Emoc.elpmaxe@nosrep"), ("ConfirmPassword", "Other-Passw0rd"));
        Register("register: email given twice, passwords differ", Expect.Message("ConfirmPassword"), ("Email", "one@example.com"), ("Email", "two@example.com"), ("ConfirmPassword", "Other-Passw0rd"));
        Register("register: the admin's email", Expect.Message("Email"), ("Email", StoreSite.Tests.Infrastructure.TestSite.AdminEmail));
        Register("register: the shopper's email in upper case", Expect.Message("Email"), ("Email", HostileStore.ShopperEmail.ToUpperInvariant()));
        Register("register: weak password", Expect.Message("Password"), ("Password", "short"), ("ConfirmPassword", "short"));
        Register("register: 1 MB password", Expect.Message("Password"), ("Password", Megabyte), ("ConfirmPassword", Megabyte));
        Register("register: password of control characters", Expect.Message("Password"), ("Password", Controls), ("ConfirmPassword", Controls));
        Register("register: passwords differ", Expect.Message("ConfirmPassword"), ("ConfirmPassword", "Other-Passw0rd"));
        Register("register: no confirmation", Expect.Message("ConfirmPassword"), ("ConfirmPassword", null));
        Register("register: markup in the local part", Expect.Message("Email"), ("Email", "<script>alert(1)</script>@example.com"));
        Register("register: space in the local part", Expect.Message("Email"), ("Email", "new person@example.com"));
        Register("register: quoted local part", Expect.Message("Email"), ("Email", "\"new.person\"@example.com"));
        Register("register: display name and address", Expect.Message("Email"), ("Email", "New Person <new.person@example.com>"));
        Register("register: comment in the address", Expect.Message("Email"), ("Email", "new.person(hi)@example.com"));
        Register("register: address literal as the domain", Expect.Message("Email"), ("Email", "new.person@[192.0.2.1]"));
        Register("register: non-ASCII local part", Expect.Message("Email"), ("Email", "n\u00E9w.person@example.com"));
        Register("register: foreign return URL and a bad email", Expect.Message("Email"), ("Email", "nope"), ("ReturnUrl", "https://evil.example/phish"));
        Register("register: non-ASCII return URL and a bad email", Expect.Message("Email"), ("Email", "nope"), ("ReturnUrl", "/caf\u00E9"));
        Register("register: U+2028 in the return URL and a bad email", Expect.Message("Email"), ("Email", "nope"), ("ReturnUrl", "/a\u2028b"));
        Register("register: CRLF in the return URL and a bad email", Expect.Message("Email"), ("Email", "nope"), ("ReturnUrl", "/a\r\nSet-Cookie: stolen=1"));
        Register("register: protocol-relative return URL and a bad email", Expect.Message("Email"), ("Email", "nope"), ("ReturnUrl", "//evil.example"));
        Register("register: backslash return URL and a bad email", Expect.Message("Email"), ("Email", "nope"), ("ReturnUrl", "/\\evil.example"));
        Register("register: 1 MB return URL", Expect.Message(null), ("ReturnUrl", "/" + Megabyte));
        Form("register: multipart with a bad email", Who.Anonymous, Expect.Message("Email"), "/account/register", "form[action='/account/register']", "/account/register", FormShape.Multipart, ("Email", Sql));
        Form("register: without antiforgery token", Who.Anonymous, Expect.Error(400), "/account/register", "form[action='/account/register']", "/account/register", FormShape.NoToken, ("Email", "x@example.com"), ("Password", Password), ("ConfirmPassword", Password));
        Form("register: forged antiforgery token", Who.Anonymous, Expect.Error(400), "/account/register", "form[action='/account/register']", "/account/register", FormShape.ForgedToken, ("Email", "x@example.com"), ("Password", Password), ("ConfirmPassword", Password));
        Form("register: fields as JSON", Who.Anonymous, Expect.Error(400), "/account/register", "form[action='/account/register']", "/account/register", FormShape.Json, ("Email", "x@example.com"), ("Password", Password), ("ConfirmPassword", Password));
        Method("register: PUT", Who.Anonymous, HttpMethod.Put, "/account/register");
        Method("register: DELETE", Who.Anonymous, HttpMethod.Delete, "/account/register");

        // Sign in: no account is found, and nothing is counted against an existing one.
        SignIn("sign-in: empty", Expect.Message("Email"), ("Email", string.Empty), ("Password", string.Empty));
        SignIn("sign-in: 1 MB email", Expect.Message("Email"), ("Email", Megabyte));
        SignIn("sign-in: 1 MB password", Expect.Message("Password"), ("Password", Megabyte));
        SignIn("sign-in: SQL email", Expect.Message(string.Empty), ("Email", Sql));
        SignIn("sign-in: SQL password", Expect.Message(string.Empty), ("Password", Sql));
        SignIn("sign-in: markup email", Expect.Message(string.Empty), ("Email", Markup));
        SignIn("sign-in: right-to-left email", Expect.Message(string.Empty), ("Email", RightToLeft));
        SignIn("sign-in: control characters", Expect.Message(string.Empty), ("Email", Controls), ("Password", Controls));
        SignIn("sign-in: the admin's email with a Cyrillic look-alike", Expect.Message(string.Empty), ("Email", "\u0430dmin@example.com"));
        SignIn("sign-in: the admin's email with a NUL", Expect.Error(400), ("Email", Nul));
        SignIn("sign-in: the admin's email with a zero-width space", Expect.Message(string.Empty), ("Email", "admin\u200B@example.com"));
        SignIn("sign-in: remember-me not a boolean", Expect.Message(null), ("RememberMe", "maybe"));
        SignIn("sign-in: javascript return URL", Expect.Message(string.Empty), ("ReturnUrl", "javascript:alert(1)"));
        SignIn("sign-in: non-ASCII return URL", Expect.Message(string.Empty), ("ReturnUrl", "/caf\u00E9"));
        SignIn("sign-in: U+2028 in the return URL", Expect.Message(string.Empty), ("ReturnUrl", "/a\u2028b"));
        SignIn("sign-in: emoji in the return URL", Expect.Message(string.Empty), ("ReturnUrl", "/\U0001F600"));
        SignIn("sign-in: CRLF in the return URL", Expect.Message(string.Empty), ("ReturnUrl", "/a\r\nSet-Cookie: stolen=1"));
        SignIn("sign-in: C1 control in the return URL", Expect.Message(string.Empty), ("ReturnUrl", "/a\u0085b"));
        SignIn("sign-in: tab hiding a protocol-relative return URL", Expect.Message(string.Empty), ("ReturnUrl", "/\t/evil.example"));
        SignIn("sign-in: protocol-relative return URL", Expect.Message(string.Empty), ("ReturnUrl", "//evil.example"));
        SignIn("sign-in: backslash return URL", Expect.Message(string.Empty), ("ReturnUrl", "/\\evil.example"));
        SignIn("sign-in: absolute return URL", Expect.Message(string.Empty), ("ReturnUrl", "http://evil.example/"));
        SignIn("sign-in: encoded slashes in the return URL", Expect.Message(string.Empty), ("ReturnUrl", "/%2F%2Fevil.example"));
        SignIn("sign-in: 1 MB return URL", Expect.Message(null), ("ReturnUrl", "/" + Megabyte));
        Get("sign-in page: non-ASCII return URL", Who.Anonymous, Expect.Page(), "/account/login?returnUrl=%2Fcaf%C3%A9");
        Get("sign-in page: CRLF in the return URL", Who.Anonymous, Expect.Page(), "/account/login?returnUrl=%2Fa%0D%0ASet-Cookie%3A%20stolen%3D1");
        Get("register page: U+2028 in the return URL", Who.Anonymous, Expect.Page(), "/account/register?returnUrl=%2Fa%E2%80%A8b");
        Get("register page: protocol-relative return URL", Who.Anonymous, Expect.Page(), "/account/register?returnUrl=%2F%2Fevil.example");
        Form("sign-in: multipart for an unknown account", Who.Anonymous, Expect.Message(string.Empty), "/account/login", "form[action='/account/login']", "/account/login", FormShape.Multipart, ("Email", "nobody@example.com"), ("Password", Password));
        Form("sign-in: without antiforgery token", Who.Anonymous, Expect.Error(400), "/account/login", "form[action='/account/login']", "/account/login", FormShape.NoToken, ("Email", "nobody@example.com"), ("Password", Password));
        Form("sign-in: fields as JSON", Who.Anonymous, Expect.Error(400), "/account/login", "form[action='/account/login']", "/account/login", FormShape.Json, ("Email", "nobody@example.com"), ("Password", Password));
        Method("sign-in: PUT", Who.Anonymous, HttpMethod.Put, "/account/login");
        Method("sign-in: PATCH", Who.Anonymous, HttpMethod.Patch, "/account/login");
        Method("sign-out: GET", Who.Anonymous, HttpMethod.Get, "/account/logout");

        // Forgot password.
        Forgot("forgot password: empty", Expect.Message("Email"), string.Empty);
        Forgot("forgot password: 1 MB email", Expect.Message("Email"), Megabyte);
        Forgot("forgot password: not an email", Expect.Message("Email"), "not-an-email");
        Forgot("forgot password: SQL", Expect.Message("Email"), Sql);
        Forgot("forgot password: markup", Expect.Message("Email"), Markup);
        Forgot("forgot password: right-to-left", Expect.Message("Email"), RightToLeft);
        Forgot("forgot password: control characters", Expect.Message("Email"), Controls);
        Forgot("forgot password: NUL", Expect.Error(400), Nul);
        Form("forgot password: without antiforgery token", Who.Anonymous, Expect.Error(400), "/account/forgot-password", "form[action='/account/forgot-password']", "/account/forgot-password", FormShape.NoToken, ("Email", HostileStore.ShopperEmail));
        Method("forgot password: PUT", Who.Anonymous, HttpMethod.Put, "/account/forgot-password");

        // A Host (or X-Forwarded-Host) of the client's choosing: the form answers as usual, and the reset
        // link mailed to the existing account is on the site's own address, never on the header's host.
        foreach (var (label, headers) in HostileHosts)
        {
            ForgotHosted($"forgot password: {label}", headers);
            Hosted($"sign-in: {label}", Who.Anonymous, Expect.Message(string.Empty), "/account/login", "form[action='/account/login']", "/account/login", headers, ("Email", "nobody@example.com"), ("Password", Password));
            Hosted($"register: {label}, passwords differ", Who.Anonymous, Expect.Message("ConfirmPassword"), "/account/register", "form[action='/account/register']", "/account/register", headers, ("Email", "new.person@example.com"), ("Password", Password), ("ConfirmPassword", "Other-Passw0rd"));
            Hosted($"checkout: {label}, bad checkout key", Who.Customer, Expect.Flash("/cart"), "/checkout", "form.checkout-form", "/checkout", headers, ("CheckoutKey", "x"));
        }

        // Reset password: a link that is not one leads back to "forgot password" with a notice.
        Reset("reset password: made-up code", Expect.Flash("/account/forgot-password"));
        Reset("reset password: 1 MB code", Expect.Flash("/account/forgot-password"), ("Code", Megabyte));
        Reset("reset password: SQL code", Expect.Flash("/account/forgot-password"), ("Code", Sql));
        Reset("reset password: markup code", Expect.Flash("/account/forgot-password"), ("Code", Markup));
        Reset("reset password: no code", Expect.Flash("/account/forgot-password"), ("Code", null));
        Reset("reset password: SQL email", Expect.Flash("/account/forgot-password"), ("Email", Sql));
        Reset("reset password: 1 MB email", Expect.Flash("/account/forgot-password"), ("Email", Megabyte));
        Reset("reset password: NUL code", Expect.Error(400), ("Code", Nul));
        Reset("reset password: passwords differ", Expect.Message("ConfirmPassword"), ("ConfirmPassword", "Other-Passw0rd"));
        Reset("reset password: 1 MB password", Expect.Message("Password"), ("Password", Megabyte), ("ConfirmPassword", Megabyte));
        Form("reset password: without antiforgery token", Who.Anonymous, Expect.Error(400), "/account/forgot-password", null, "/account/reset-password", FormShape.NoToken, ("Email", HostileStore.ShopperEmail), ("Code", "x"), ("Password", Password), ("ConfirmPassword", Password));
        Get("reset password: link with a NUL code", Who.Anonymous, Expect.Flash("/account/forgot-password"), "/account/reset-password?email=shopper%40example.com&code=%00%00");
        Get("reset password: link with a markup email", Who.Anonymous, Expect.Flash("/account/forgot-password"), "/account/reset-password?email=%3Cscript%3E&code=abc");

        // Change password (signed in).
        ChangePassword("change password: wrong current password", Expect.Message("CurrentPassword"));
        ChangePassword("change password: SQL as the current password", Expect.Message("CurrentPassword"), ("CurrentPassword", Sql));
        ChangePassword("change password: 1 MB new password", Expect.Message("NewPassword"), ("NewPassword", Megabyte), ("ConfirmPassword", Megabyte));
        ChangePassword("change password: passwords differ", Expect.Message("ConfirmPassword"), ("ConfirmPassword", "Other-Passw0rd"));
        ChangePassword("change password: weak new password", Expect.Message("NewPassword"), ("CurrentPassword", StoreSite.Tests.Infrastructure.TestSite.CustomerPassword), ("NewPassword", "weak"), ("ConfirmPassword", "weak"));
        Form("change password: without antiforgery token", Who.Customer, Expect.Error(400), "/account/change-password", "form[action='/account/change-password']", "/account/change-password", FormShape.NoToken, ("CurrentPassword", "x"), ("NewPassword", Password), ("ConfirmPassword", Password));

        // Cart: the cart page again with an error notice (a discount code: the cart shown again with the reason next to its field).
        AddToCart("cart add: plan not a number", Expect.Flash("/cart"), ("PlanId", "abc"));
        AddToCart("cart add: negative plan", Expect.Flash("/cart"), ("PlanId", "-1"));
        AddToCart("cart add: plan 0", Expect.Flash("/cart"), ("PlanId", "0"));
        AddToCart("cart add: unknown plan", Expect.Flash("/cart"), ("PlanId", "999999"));
        AddToCart("cart add: plan beyond int", Expect.Flash("/cart"), ("PlanId", "99999999999999999999"));
        AddToCart("cart add: SQL plan", Expect.Flash("/cart"), ("PlanId", "1 OR 1=1"));
        AddToCart("cart add: markup plan", Expect.Flash("/cart"), ("PlanId", Markup));
        AddToCart("cart add: 1 MB plan", Expect.Flash("/cart"), ("PlanId", Megabyte));
        AddToCart("cart add: quantity 0", Expect.Flash("/cart"), ("Quantity", "0"));
        AddToCart("cart add: negative quantity", Expect.Flash("/cart"), ("Quantity", "-5"));
        AddToCart("cart add: quantity 101", Expect.Flash("/cart"), ("Quantity", "101"));
        AddToCart("cart add: quantity in exponent notation", Expect.Flash("/cart"), ("Quantity", "1e3"));
        AddToCart("cart add: quantity beyond int", Expect.Flash("/cart"), ("Quantity", "99999999999999999999"));
        AddToCart("cart add: quantity not a number", Expect.Flash("/cart"), ("Quantity", "two"));
        AddToCart("cart add: quantity with control characters", Expect.Flash("/cart"), ("Quantity", Controls));
        AddToCart("cart add: quantity with a NUL", Expect.Error(400), ("Quantity", "1\u00002"));
        AddToCart("cart add: empty quantity", Expect.Flash("/cart"), ("Quantity", string.Empty));
        Form("cart add: without antiforgery token", Who.Customer, Expect.Error(400), Product, "form.add-to-cart", "/cart/add", FormShape.NoToken);
        Form("cart add: fields as JSON", Who.Customer, Expect.Error(400), Product, "form.add-to-cart", "/cart/add", FormShape.Json);
        Cart("cart update: quantity 0", "/cart/update", Expect.Flash("/cart"), FormShape.UrlEncoded, ("PlanId", "1"), ("Quantity", "0"));
        Cart("cart update: plan not in the cart", "/cart/update", Expect.Flash("/cart"), FormShape.UrlEncoded, ("PlanId", "999999"), ("Quantity", "2"));
        Cart("cart update: markup quantity", "/cart/update", Expect.Flash("/cart"), FormShape.UrlEncoded, ("PlanId", "1"), ("Quantity", Markup));
        Cart("cart update: SQL plan", "/cart/update", Expect.Flash("/cart"), FormShape.UrlEncoded, ("PlanId", Sql), ("Quantity", "1"));
        Cart("cart update: without antiforgery token", "/cart/update", Expect.Error(400), FormShape.NoToken, ("PlanId", "1"), ("Quantity", "2"));
        Cart("cart remove: plan not a number", "/cart/remove", Expect.Redirect("/cart"), FormShape.UrlEncoded, ("PlanId", "abc"));
        Cart("cart remove: plan not in the cart", "/cart/remove", Expect.Redirect("/cart"), FormShape.UrlEncoded, ("PlanId", "999999"));
        Cart("cart remove: 1 MB plan", "/cart/remove", Expect.Redirect("/cart"), FormShape.UrlEncoded, ("PlanId", Megabyte));
        Cart("cart remove: without antiforgery token", "/cart/remove", Expect.Error(400), FormShape.NoToken, ("PlanId", "1"));
        Cart("cart remove: multipart without antiforgery token", "/cart/remove", Expect.Error(400), FormShape.Multipart, ("PlanId", "1"), (TokenField, null));
        Cart("cart discount: unknown code", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", "NOSUCHCODE"));
        Cart("cart discount: empty code", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", string.Empty));
        Cart("cart discount: no code field", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded);
        Cart("cart discount: 1 MB code", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", Megabyte));
        Cart("cart discount: markup code", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", Markup));
        Cart("cart discount: SQL code", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", Sql));
        Cart("cart discount: LIKE wildcards", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", "WELCOME%"));
        Cart("cart discount: control characters", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", Controls));
        Cart("cart discount: right-to-left code", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", RightToLeft));
        Cart("cart discount: look-alike Cyrillic code", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", "WELC\u041EME10"));
        Cart("cart discount: the code twice", "/cart/discount", Expect.Message("Code"), FormShape.UrlEncoded, ("Code", "NOSUCH"), ("Code", "WELCOME10"));
        Cart("cart discount: without antiforgery token", "/cart/discount", Expect.Error(400), FormShape.NoToken, ("Code", "WELCOME10"));
        Cart("cart discount: fields as JSON", "/cart/discount", Expect.Error(400), FormShape.Json, ("Code", "WELCOME10"));
        Cart("cart discount remove: without antiforgery token", "/cart/discount/remove", Expect.Error(400), FormShape.NoToken);
        Cart("cart discount remove: no code in the cart", "/cart/discount/remove", Expect.Redirect("/cart"), FormShape.UrlEncoded);
        Method("cart discount: GET", Who.Customer, HttpMethod.Get, "/cart/discount");
        Method("cart add: GET", Who.Customer, HttpMethod.Get, "/cart/add");
        Method("cart update: PUT", Who.Customer, HttpMethod.Put, "/cart/update");
        Method("cart remove: DELETE", Who.Customer, HttpMethod.Delete, "/cart/remove");

        // Checkout: a form that is not the one the store rendered makes no order.
        Checkout("checkout: 1 MB checkout key", Expect.Flash("/cart"), FormShape.UrlEncoded, ("CheckoutKey", Megabyte));
        Checkout("checkout: SQL checkout key", Expect.Flash("/cart"), FormShape.UrlEncoded, ("CheckoutKey", Sql));
        Checkout("checkout: markup checkout key", Expect.Flash("/cart"), FormShape.UrlEncoded, ("CheckoutKey", Markup));
        Checkout("checkout: control characters in the checkout key", Expect.Flash("/cart"), FormShape.UrlEncoded, ("CheckoutKey", Controls));
        Checkout("checkout: NUL in the checkout key", Expect.Error(400), FormShape.UrlEncoded, ("CheckoutKey", Nul));
        Checkout("checkout: right-to-left checkout key", Expect.Flash("/cart"), FormShape.UrlEncoded, ("CheckoutKey", RightToLeft));
        Checkout("checkout: no checkout key", Expect.Flash("/cart"), FormShape.UrlEncoded, ("CheckoutKey", null));
        Checkout("checkout: decline not a boolean and a bad key", Expect.Flash("/cart"), FormShape.UrlEncoded, ("SimulateDecline", "banana"), ("CheckoutKey", "x"));
        Checkout("checkout: without antiforgery token", Expect.Error(400), FormShape.NoToken);
        Checkout("checkout: forged antiforgery token", Expect.Error(400), FormShape.ForgedToken);
        Checkout("checkout: fields as JSON", Expect.Error(400), FormShape.Json);
        Form("checkout: anonymous", Who.Anonymous, Expect.Redirect("/account/login"), "/account/login", null, "/checkout", FormShape.UrlEncoded, ("CheckoutKey", "0123456789abcdef0123456789abcdef"));
        Method("checkout: PUT", Who.Customer, HttpMethod.Put, "/checkout");
        Get("checkout: confirmation of an SQL order number", Who.Customer, Expect.Error(404), "/checkout/done/'%20OR%20'1'%3D'1");
        Get("checkout: confirmation of a markup order number", Who.Customer, Expect.Error(404), "/checkout/done/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Get("account: order of an SQL number", Who.Customer, Expect.Error(404), "/account/orders/1%20OR%201%3D1");

        // The page a customer comes back to after leaving a provider's payment page (/checkout/cancelled/{number}): only the
        // order's owner sees it; anyone else and every malformed number gets 404, a malformed post its error page.
        void LeftPayment(string name, Who who, Expect expect, Func<HostileStore, string> action, FormShape shape, params (string, string?)[] values) =>
            corpus.Add(name, who, expect, (store, client) => FormAsync(client, "/account/change-password", null, action(store), shape, values));
        Get("left payment: SQL order number", Who.Customer, Expect.Error(404), "/checkout/cancelled/'%20OR%20'1'%3D'1");
        Get("left payment: markup order number", Who.Customer, Expect.Error(404), "/checkout/cancelled/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Get("left payment: path traversal as the order number", Who.Customer, Expect.Error(404), "/checkout/cancelled/..%2F..%2Fadmin");
        Get("left payment: order number of control characters", Who.Customer, Expect.Error(404), "/checkout/cancelled/%07%08%1B");
        Get("left payment: an order number of 4 KB", Who.Customer, Expect.Error(404), "/checkout/cancelled/" + new string('9', 4096));
        corpus.Add("left payment: another customer's order seen by the admin", Who.Admin, Expect.Error(404), (store, client) => client.GetAsync($"/checkout/cancelled/{store.PaidOrder}"));
        corpus.Add("left payment: anonymous", Who.Anonymous, Expect.Redirect("/account/login"), (store, client) => client.GetAsync($"/checkout/cancelled/{store.PaidOrder}"));
        LeftPayment("left payment: post without antiforgery token", Who.Customer, Expect.Error(400), s => $"/checkout/cancelled/{s.PaidOrder}", FormShape.NoToken, ("checkoutAgain", "true"));
        LeftPayment("left payment: post with a forged antiforgery token", Who.Customer, Expect.Error(400), s => $"/checkout/cancelled/{s.PaidOrder}", FormShape.ForgedToken, ("checkoutAgain", "true"));
        LeftPayment("left payment: post as JSON", Who.Customer, Expect.Error(400), s => $"/checkout/cancelled/{s.PaidOrder}", FormShape.Json, ("checkoutAgain", "true"));
        LeftPayment("left payment: post of another customer's order", Who.Admin, Expect.Error(404), s => $"/checkout/cancelled/{s.PaidOrder}", FormShape.UrlEncoded, ("checkoutAgain", "true"));
        LeftPayment("left payment: post of an SQL order number", Who.Customer, Expect.Error(404), _ => "/checkout/cancelled/'%20OR%20'1'%3D'1", FormShape.UrlEncoded, ("checkoutAgain", Sql));
        LeftPayment("left payment: post of a markup order number, 1 MB flag", Who.Customer, Expect.Error(404), _ => "/checkout/cancelled/%3Cb%3E", FormShape.UrlEncoded, ("checkoutAgain", Megabyte));
        Method("left payment: PUT", Who.Customer, HttpMethod.Put, "/checkout/cancelled/SO-2026-000001");

        // The customer's key page and its Deactivate form: another customer's key or environment, or nonsense, is a 404.
        void Deactivate(string name, Who who, Expect expect, FormShape shape, Func<HostileStore, string> action, params (string, string?)[] values) =>
            corpus.Add(name, who, expect, (store, client) => FormAsync(client, who == Who.Anonymous ? "/account/login" : "/account/change-password", null, action(store), shape, values));
        string OthersKey(HostileStore store) => $"/account/licenses/{store.FullKeyId}/deactivate";
        Deactivate("deactivate: another customer's key and environment", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersKey, ("environmentId", "1"));
        Deactivate("deactivate: another customer's revoked key", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, s => $"/account/licenses/{s.RevokedKeyId}/deactivate", ("environmentId", "1"));
        Deactivate("deactivate: SQL as the environment", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersKey, ("environmentId", Sql));
        Deactivate("deactivate: 1 MB environment", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersKey, ("environmentId", Megabyte));
        Deactivate("deactivate: negative environment", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersKey, ("environmentId", "-1"));
        Deactivate("deactivate: environment beyond int", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersKey, ("environmentId", "99999999999999999999"));
        Deactivate("deactivate: no environment", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersKey);
        Deactivate("deactivate: multipart", Who.Customer, Expect.Error(404), FormShape.Multipart, OthersKey, ("environmentId", "1"));
        Deactivate("deactivate: without antiforgery token", Who.Customer, Expect.Error(400), FormShape.NoToken, OthersKey, ("environmentId", "1"));
        Deactivate("deactivate: forged antiforgery token", Who.Customer, Expect.Error(400), FormShape.ForgedToken, OthersKey, ("environmentId", "1"));
        Deactivate("deactivate: fields as JSON", Who.Customer, Expect.Error(400), FormShape.Json, OthersKey, ("environmentId", "1"));
        Deactivate("deactivate: anonymous", Who.Anonymous, Expect.Redirect("/account/login"), FormShape.UrlEncoded, OthersKey, ("environmentId", "1"));
        Method("deactivate: GET", Who.Customer, HttpMethod.Get, "/account/licenses/1/deactivate");
        Method("deactivate: PUT", Who.Customer, HttpMethod.Put, "/account/licenses/1/deactivate");

        // Renew on the customer's key: another customer's key or nonsense is a 404; the cart stays as it was.
        string OthersRenewal(HostileStore store) => $"/account/licenses/{store.FullKeyId}/renew";
        Deactivate("renew: another customer's key", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersRenewal);
        Deactivate("renew: another customer's revoked key", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, s => $"/account/licenses/{s.RevokedKeyId}/renew");
        Deactivate("renew: a key that does not exist", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, _ => "/account/licenses/2147483647/renew");
        Deactivate("renew: negative id", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, _ => "/account/licenses/-1/renew");
        Deactivate("renew: id beyond int", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, _ => "/account/licenses/99999999999999999999/renew");
        Deactivate("renew: SQL as the id", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, _ => "/account/licenses/1%20OR%201%3D1/renew");
        Deactivate("renew: posted plan, price and quantity are ignored", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersRenewal, ("PlanId", "1"), ("Price", "0.01"), ("Quantity", "100"));
        Deactivate("renew: 1 MB field", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersRenewal, ("licenseId", Megabyte));
        Deactivate("renew: multipart", Who.Customer, Expect.Error(404), FormShape.Multipart, OthersRenewal, ("x", "1"));
        Deactivate("renew: without antiforgery token", Who.Customer, Expect.Error(400), FormShape.NoToken, OthersRenewal);
        Deactivate("renew: forged antiforgery token", Who.Customer, Expect.Error(400), FormShape.ForgedToken, OthersRenewal);
        Deactivate("renew: fields as JSON", Who.Customer, Expect.Error(400), FormShape.Json, OthersRenewal, ("x", "1"));
        Deactivate("renew: anonymous", Who.Anonymous, Expect.Redirect("/account/login"), FormShape.UrlEncoded, OthersRenewal);
        // GET is the mail's Renew link: without the store's token it is a 404, never the cart.
        Get("renew: GET without the mail's token", Who.Customer, Expect.Error(404), "/account/licenses/1/renew");
        Get("renew: GET with a forged token", Who.Customer, Expect.Error(404), "/account/licenses/1/renew?token=CfDJ8forged");
        Method("renew: PUT", Who.Customer, HttpMethod.Put, "/account/licenses/1/renew");
        // Upgrade on the customer's key: another customer's key or nonsense is a 404 whatever the plan; the cart stays as it was.
        string OthersUpgrade(HostileStore store) => $"/account/licenses/{store.FullKeyId}/upgrade";
        Deactivate("upgrade: another customer's key", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersUpgrade, ("planId", "2"));
        Deactivate("upgrade: another customer's revoked key", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, s => $"/account/licenses/{s.RevokedKeyId}/upgrade", ("planId", "2"));
        Deactivate("upgrade: a key that does not exist", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, _ => "/account/licenses/2147483647/upgrade", ("planId", "2"));
        Deactivate("upgrade: negative id", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, _ => "/account/licenses/-1/upgrade", ("planId", "2"));
        Deactivate("upgrade: SQL as the plan", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersUpgrade, ("planId", Sql));
        Deactivate("upgrade: 1 MB plan", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersUpgrade, ("planId", Megabyte));
        Deactivate("upgrade: plan beyond int", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersUpgrade, ("planId", "99999999999999999999"));
        Deactivate("upgrade: negative plan", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersUpgrade, ("planId", "-2"));
        Deactivate("upgrade: no plan", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersUpgrade);
        Deactivate("upgrade: plan given twice, price posted", Who.Customer, Expect.Error(404), FormShape.UrlEncoded, OthersUpgrade, ("planId", "2"), ("planId", "3"), ("Price", "0.01"));
        Deactivate("upgrade: multipart", Who.Customer, Expect.Error(404), FormShape.Multipart, OthersUpgrade, ("planId", "2"));
        Deactivate("upgrade: without antiforgery token", Who.Customer, Expect.Error(400), FormShape.NoToken, OthersUpgrade, ("planId", "2"));
        Deactivate("upgrade: forged antiforgery token", Who.Customer, Expect.Error(400), FormShape.ForgedToken, OthersUpgrade, ("planId", "2"));
        Deactivate("upgrade: fields as JSON", Who.Customer, Expect.Error(400), FormShape.Json, OthersUpgrade, ("planId", "2"));
        Deactivate("upgrade: anonymous", Who.Anonymous, Expect.Redirect("/account/login"), FormShape.UrlEncoded, OthersUpgrade, ("planId", "2"));
        Method("upgrade: GET", Who.Customer, HttpMethod.Get, "/account/licenses/1/upgrade");
        Method("upgrade: PUT", Who.Customer, HttpMethod.Put, "/account/licenses/1/upgrade");
        corpus.Add("key page: another customer's key", Who.Customer, Expect.Error(404), (store, client) => client.GetAsync($"/account/licenses/{store.FullKeyId}"));
        Get("key page: SQL as the id", Who.Customer, Expect.Error(404), "/account/licenses/1%20OR%201%3D1");
        Get("key page: id beyond int", Who.Customer, Expect.Error(404), "/account/licenses/99999999999999999999");
        Get("key page: markup in the page numbers", Who.Customer, Expect.Error(404), "/account/licenses/0?environments=%3Cscript%3E&history=-5");
        Get("downloads: markup as the page", Who.Customer, Expect.Page(), "/account/downloads?page=%3Cscript%3E");
        Get("downloads: page beyond int, given twice", Who.Customer, Expect.Page(), "/account/downloads?page=99999999999&page=-1");
        Get("downloads: 100 KB page parameter", Who.Customer, Expect.Page(), "/account/downloads?page=" + new string('9', 100_000));
        Get("downloads: anonymous", Who.Anonymous, Expect.Redirect("/account/login"), "/account/downloads");
        Method("downloads: POST", Who.Customer, HttpMethod.Post, "/account/downloads");

        // Renewal reminders: the switch on Account -> Licenses (true or false only), and the mail's link that works without
        // signing in (a token the store did not make is a 404; the switch itself is a POST with antiforgery).
        void Reminders(string name, Who who, Expect expect, FormShape shape, params (string, string?)[] values) =>
            corpus.Add(name, who, expect, (store, client) => FormAsync(client, who == Who.Anonymous ? "/account/login" : "/account/change-password", null, "/account/licenses/reminders", shape, values));
        Reminders("reminders switch: not a boolean", Who.Customer, Expect.Error(400), FormShape.UrlEncoded, ("on", "yes please"));
        Reminders("reminders switch: 1 MB value", Who.Customer, Expect.Error(400), FormShape.UrlEncoded, ("on", Megabyte));
        Reminders("reminders switch: SQL", Who.Customer, Expect.Error(400), FormShape.UrlEncoded, ("on", Sql));
        Reminders("reminders switch: no value", Who.Customer, Expect.Error(400), FormShape.UrlEncoded);
        Reminders("reminders switch: without antiforgery token", Who.Customer, Expect.Error(400), FormShape.NoToken, ("on", "false"));
        Reminders("reminders switch: forged antiforgery token", Who.Customer, Expect.Error(400), FormShape.ForgedToken, ("on", "false"));
        Reminders("reminders switch: fields as JSON", Who.Customer, Expect.Error(400), FormShape.Json, ("on", "false"));
        Reminders("reminders switch: anonymous", Who.Anonymous, Expect.Redirect("/account/login"), FormShape.UrlEncoded, ("on", "false"));
        Method("reminders switch: GET", Who.Customer, HttpMethod.Get, "/account/licenses/reminders");
        void OptOut(string name, Expect expect, FormShape shape, params (string, string?)[] values) =>
            corpus.Add(name, Who.Anonymous, expect, (store, client) => FormAsync(client, "/account/login", null, "/account/reminders/off", shape, values));
        OptOut("reminders link: forged token", Expect.Error(404), FormShape.UrlEncoded, ("token", "forged"));
        OptOut("reminders link: SQL token", Expect.Error(404), FormShape.UrlEncoded, ("token", Sql));
        OptOut("reminders link: 1 MB token", Expect.Error(404), FormShape.UrlEncoded, ("token", Megabyte));
        OptOut("reminders link: no token", Expect.Error(404), FormShape.UrlEncoded);
        OptOut("reminders link: without antiforgery token", Expect.Error(400), FormShape.NoToken, ("token", "forged"));
        OptOut("reminders link: forged antiforgery token", Expect.Error(400), FormShape.ForgedToken, ("token", "forged"));
        Get("reminders link: GET with a markup token", Who.Anonymous, Expect.Error(404), "/account/reminders/off?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Get("reminders link: GET without a token", Who.Anonymous, Expect.Error(404), "/account/reminders/off");
        Get("renew link: GET without a token", Who.Customer, Expect.Error(404), "/account/licenses/1/renew");
        Get("renew link: GET with a forged token", Who.Customer, Expect.Error(404), "/account/licenses/1/renew?token=CfDJ8forged");

        // Download links work without a session: anything that is not a link the store signed is a plain 404, before any file is touched.
        void Link(string name, Who who, string token, Action<HttpRequestMessage>? configure = null) =>
            corpus.Add(name, who, Expect.Plain(404), (_, client) =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/downloads/" + token);
                configure?.Invoke(request);
                return client.SendAsync(request);
            });
        Link("download link: not a token", Who.Anonymous, "abc");
        Link("download link: forged token", Who.Anonymous, "CfDJ8" + new string('A', 120));
        Link("download link: SQL token", Who.Anonymous, "'%20OR%201%3D1%20--");
        Link("download link: markup token", Who.Customer, "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Link("download link: path traversal", Who.Anonymous, "..%2F..%2Fstore.db");
        Link("download link: control characters", Who.Anonymous, "%07%08%1B");
        Link("download link: 8 KB token", Who.Anonymous, new string('Q', 8192));
        Link("download link: non-ASCII token", Who.Anonymous, "caf%C3%A9%E2%80%AE");
        Link("download link: forged token with a hostile Range", Who.Anonymous, "CfDJ8forged", r => r.Headers.TryAddWithoutValidation("Range", "bytes=-1-99999999999999999999,0-0,0-0"));
        Link("download link: forged token with a hostile If-None-Match", Who.Anonymous, "CfDJ8forged", r => r.Headers.TryAddWithoutValidation("If-None-Match", Megabyte[..4096]));
        Method("download link: POST", Who.Anonymous, HttpMethod.Post, "/downloads/abc");
        Method("download link: DELETE", Who.Customer, HttpMethod.Delete, "/downloads/abc");

        return corpus;
    }
}

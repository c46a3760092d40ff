using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Hostile.HostileRequests;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Malformed posts of the admin's forms: products, plans (with the licensing section), order
/// refunds and cancels, the payment provider, licenses (revoke, change limit, free a slot, generate with product, plan, invitation and notice, history export, suspend, reinstate, expiry, transfer, bulk), users, settings, modules,
/// recipes, discount codes (create, edit, deactivate), product releases (the multipart upload form, publish, unpublish, delete), product images (the multipart image form,
/// remove, the image URL); admin posts by people without the permission; absurd list parameters.
/// </summary>
internal static class AdminFormCorpus
{
    private const string ReleaseForm = "form.release-form";
    private const string ImageForm = "form.product-image-form";

    public static Corpus<HostileStore> Cases { get; } = Build();

    private static Corpus<HostileStore> Build()
    {
        var corpus = new Corpus<HostileStore>();
        void Form(string name, Who who, Expect expect, Func<HostileStore, string> page, string? form, Func<HostileStore, string> action, FormShape shape, params (string, string?)[] values) =>
            corpus.Add(name, who, expect, (site, client) => FormAsync(client, page(site), form, action(site), shape, values));
        void NewProduct(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, _ => "/admin/products/new", "form.product-form", _ => "/admin/products/new", FormShape.UrlEncoded, Merge([("Name", "Hostile Product")], values));
        void EditProduct(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/products/{s.ProductId}", "form.product-form", s => $"/admin/products/{s.ProductId}", FormShape.UrlEncoded, values);
        void NewPlan(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/products/{s.ProductId}/plans/new", "form.plan-form", s => $"/admin/products/{s.ProductId}/plans/new", FormShape.UrlEncoded, Merge([("Name", "Hostile Plan"), ("Price", "10")], values));
        void EditPlan(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/products/{s.ProductId}/plans/{s.PlanId}", "form.plan-form", s => $"/admin/products/{s.ProductId}/plans/{s.PlanId}", FormShape.UrlEncoded, values);
        void Refund(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/orders/{s.PaidOrder}/refund", "form.refund-form", s => $"/admin/orders/{s.PaidOrder}/refund", FormShape.UrlEncoded, values);
        void CreateUser(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, _ => "/admin/users/create", "form[action='/admin/users/create']", _ => "/admin/users/create", FormShape.UrlEncoded, Merge([("Email", "staff@example.com"), ("Password", "Good-Passw0rd")], values));
        void Settings(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, _ => "/admin/settings", "form[action='/admin/settings']", _ => "/admin/settings", FormShape.UrlEncoded, values);
        void Payments(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, _ => "/admin/payments", "form.payments-form", _ => "/admin/payments", FormShape.UrlEncoded, values);
        void Post(string name, Who who, Expect expect, string tokenPage, Func<HostileStore, string> action, params (string, string?)[] values) =>
            Form(name, who, expect, _ => tokenPage, null, action, FormShape.UrlEncoded, values);
        void Method(string name, HttpMethod method, Func<HostileStore, string> url) =>
            corpus.Add(name, Who.Admin, Expect.Error(405), (site, client) => SendAsync(client, method, url(site), new FormUrlEncodedContent([new("Name", "x")])));

        // Products.
        NewProduct("product new: empty name", Expect.Message("Name"), ("Name", string.Empty));
        NewProduct("product new: white-space name", Expect.Message("Name"), ("Name", " \t "));
        NewProduct("product new: 1 MB name", Expect.Message("Name"), ("Name", Megabyte));
        NewProduct("product new: 1 MB description", Expect.Message("Description"), ("Description", Megabyte));
        NewProduct("product new: 1 MB summary", Expect.Message("Summary"), ("Summary", Megabyte));
        NewProduct("product new: markup summary, slug taken", Expect.Message("Slug"), ("Summary", Markup), ("Slug", "site-builder-pro"));
        NewProduct("product new: 1 MB slug", Expect.Message("Slug"), ("Slug", Megabyte));
        NewProduct("product new: markup name, markup slug", Expect.Message("Slug"), ("Name", Markup), ("Slug", Markup));
        NewProduct("product new: SQL name, SQL slug", Expect.Message("Slug"), ("Name", Sql), ("Slug", Sql));
        NewProduct("product new: path traversal slug", Expect.Message("Slug"), ("Slug", "../../etc/passwd"));
        NewProduct("product new: right-to-left slug", Expect.Message("Slug"), ("Slug", RightToLeft));
        NewProduct("product new: control characters in the slug", Expect.Message("Slug"), ("Slug", Controls));
        NewProduct("product new: look-alike Cyrillic slug", Expect.Message("Slug"), ("Slug", "s\u0456te-builder-pro"));
        NewProduct("product new: slug taken", Expect.Message("Slug"), ("Slug", "site-builder-pro"));
        NewProduct("product new: slug taken in upper case", Expect.Message("Slug"), ("Slug", " SITE-BUILDER-PRO "));
        NewProduct("product new: active not a boolean, slug taken", Expect.Message("Slug"), ("IsActive", "yes please"), ("Slug", "site-builder-pro"));
        Form("product new: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/products/new", "form.product-form", _ => "/admin/products/new", FormShape.NoToken, ("Name", "No Token"));
        Form("product new: fields as JSON", Who.Admin, Expect.Error(400), _ => "/admin/products/new", "form.product-form", _ => "/admin/products/new", FormShape.Json, ("Name", "Json"));
        Form("product new: multipart with a 1 MB name", Who.Admin, Expect.Message("Name"), _ => "/admin/products/new", "form.product-form", _ => "/admin/products/new", FormShape.Multipart, ("Name", Megabyte));
        Form("product new: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, _ => "/admin/products/new", FormShape.UrlEncoded, ("Name", "By Customer"));
        Form("product new: posted anonymously", Who.Anonymous, Expect.Redirect("/account/login"), _ => "/account/login", null, _ => "/admin/products/new", FormShape.UrlEncoded, ("Name", "Anonymous"));
        EditProduct("product edit: empty name", Expect.Message("Name"), ("Name", string.Empty));
        EditProduct("product edit: 1 MB name", Expect.Message("Name"), ("Name", Megabyte));
        EditProduct("product edit: markup description, bad slug", Expect.Message("Slug"), ("Description", Markup), ("Slug", "Not A Slug"));
        EditProduct("product edit: slug of another product", Expect.Message("Slug"), ("Slug", "backup-guard"));
        EditProduct("product edit: 1 MB summary", Expect.Message("Summary"), ("Summary", Megabyte));
        EditProduct("product edit: 1 MB description", Expect.Message("Description"), ("Description", Megabyte));
        Post("product edit: unknown product", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/999999", ("Name", "Ghost"));
        Post("product edit: id not a number", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/abc", ("Name", "Ghost"));
        Post("product edit: id beyond int", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/99999999999", ("Name", "Ghost"));
        Post("product archive: unknown product", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/999999/archive");
        Post("product restore: SQL id", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/1%20OR%201=1/restore");
        Method("product edit: DELETE", HttpMethod.Delete, s => $"/admin/products/{s.ProductId}");
        Method("product archive: GET", HttpMethod.Get, s => $"/admin/products/{s.ProductId}/archive");

        // Plans, with the licensing section of the plan editor.
        NewPlan("plan new: price not a number", Expect.Message("Price"), ("Price", "abc"));
        NewPlan("plan new: negative price", Expect.Message("Price"), ("Price", "-1"));
        NewPlan("plan new: price of three decimals", Expect.Message("Price"), ("Price", "9.999"));
        NewPlan("plan new: price above the maximum", Expect.Message("Price"), ("Price", "1000000.01"));
        NewPlan("plan new: price beyond decimal", Expect.Message("Price"), ("Price", "79228162514264337593543950336"));
        NewPlan("plan new: price in exponent notation", Expect.Message("Price"), ("Price", "1e30"));
        NewPlan("plan new: price NaN", Expect.Message("Price"), ("Price", "NaN"));
        NewPlan("plan new: price with a decimal comma", Expect.Message("Price"), ("Price", "9,50"));
        NewPlan("plan new: price with a point for thousands and a decimal comma", Expect.Message("Price"), ("Price", "1.000,00"));
        NewPlan("plan new: price with a comma before two digits", Expect.Message("Price"), ("Price", "1,00"));
        NewPlan("plan new: price with a comma that could be half", Expect.Message("Price"), ("Price", "0,500"));
        NewPlan("plan new: price in Indian grouping", Expect.Message("Price"), ("Price", "1,00,000.00"));
        NewPlan("plan new: price starting with a comma", Expect.Message("Price"), ("Price", ",5"));
        NewPlan("plan new: price ending with a point", Expect.Message("Price"), ("Price", "5."));
        NewPlan("plan new: price with a sign", Expect.Message("Price"), ("Price", "+5"));
        NewPlan("plan new: price with a minus sign U+2212", Expect.Message("Price"), ("Price", "\u22125"));
        NewPlan("plan new: price 1e3", Expect.Message("Price"), ("Price", "1e3"));
        NewPlan("plan new: price in Arabic-Indic digits", Expect.Message("Price"), ("Price", "\u0661\u0662"));
        NewPlan("plan new: price in full-width digits", Expect.Message("Price"), ("Price", "\uFF19.\uFF15\uFF10"));
        NewPlan("plan new: price grouped by a no-break space", Expect.Message("Price"), ("Price", "9\u00A0500"));
        NewPlan("plan new: price with a currency", Expect.Message("Price"), ("Price", "$9.50"));
        NewPlan("plan new: price infinity", Expect.Message("Price"), ("Price", "Infinity"));
        NewPlan("plan new: SQL price", Expect.Message("Price"), ("Price", Sql));
        NewPlan("plan new: empty price", Expect.Message("Price"), ("Price", string.Empty));
        NewPlan("plan new: 1 MB price", Expect.Message("Price"), ("Price", Megabyte));
        NewPlan("plan new: empty name", Expect.Message("Name"), ("Name", string.Empty));
        NewPlan("plan new: 1 MB name", Expect.Message("Name"), ("Name", Megabyte));
        NewPlan("plan new: markup name, bad price", Expect.Message("Price"), ("Name", Markup), ("Price", "-5"));
        NewPlan("plan new: negative Max Activations", Expect.Message("licensing.MaxActivations"), ("licensing.MaxActivations", "-5"));
        NewPlan("plan new: Max Activations beyond int", Expect.Message("licensing.MaxActivations"), ("licensing.MaxActivations", "99999999999"));
        NewPlan("plan new: Max Activations not a number", Expect.Message("licensing.MaxActivations"), ("licensing.MaxActivations", Sql));
        NewPlan("plan new: unknown validity unit", Expect.Message("licensing.ValidityUnit"), ("licensing.ValidityUnit", "Forever"));
        NewPlan("plan new: validity unit out of the enum", Expect.Message("licensing.ValidityUnit"), ("licensing.ValidityUnit", "99"));
        NewPlan("plan new: validity of 0 years", Expect.Message("licensing.ValidityValue"), ("licensing.ValidityUnit", "Years"), ("licensing.ValidityValue", "0"));
        NewPlan("plan new: validity of years without a number", Expect.Message("licensing.ValidityValue"), ("licensing.ValidityUnit", "Years"), ("licensing.ValidityValue", string.Empty));
        NewPlan("plan new: validity of 1 MB", Expect.Message("licensing.ValidityValue"), ("licensing.ValidityUnit", "Days"), ("licensing.ValidityValue", Megabyte));
        NewPlan("plan new: unknown match rule", Expect.Message("licensing.MatchBy"), ("licensing.MatchBy", "Everything"));
        NewPlan("plan new: match rule out of the enum", Expect.Message("licensing.MatchBy"), ("licensing.MatchBy", "42"));
        NewPlan("plan new: issue license not a boolean", Expect.Message(null), ("licensing.IssueLicense", "perhaps"));
        NewPlan("plan new: renewal price with a decimal comma", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "9,50"));
        NewPlan("plan new: negative renewal price", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "-1"));
        NewPlan("plan new: renewal price of three decimals", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "9.999"));
        NewPlan("plan new: renewal price above the maximum", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "1000000.01"));
        NewPlan("plan new: renewal price beyond decimal", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "79228162514264337593543950336"));
        NewPlan("plan new: renewal price in exponent notation", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "1e3"));
        NewPlan("plan new: renewal price NaN", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "NaN"));
        NewPlan("plan new: renewal price in full-width digits", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "\uFF19.\uFF15\uFF10"));
        NewPlan("plan new: renewal price with a currency", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "$9.50"));
        NewPlan("plan new: SQL renewal price", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", Sql));
        NewPlan("plan new: 1 MB renewal price", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", Megabyte));
        NewPlan("plan new: renewal enabled not a boolean", Expect.Message(null), ("licensing.RenewalEnabled", "perhaps"));
        EditPlan("plan edit: renewal price with a decimal comma", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "9,50"));
        EditPlan("plan edit: right-to-left renewal price", Expect.Message("licensing.RenewalPrice"), ("licensing.RenewalPrice", "\u202E10"));
        NewPlan("plan new: active not a boolean", Expect.Message(null), ("IsActive", "<b>yes</b>"));
        Post("plan new: unknown product", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/999999/plans/new", ("Name", "Ghost"), ("Price", "1"));
        EditPlan("plan edit: empty price", Expect.Message("Price"), ("Price", string.Empty));
        EditPlan("plan edit: right-to-left price", Expect.Message("Price"), ("Price", "\u202E10"));
        Post("plan edit: plan of another product", Who.Admin, Expect.Error(404), "/admin/products/new", s => $"/admin/products/{s.OtherProductId}/plans/{s.PlanId}", ("Name", "Moved"), ("Price", "1"));
        Form("plan edit: without antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/products/{s.ProductId}/plans/{s.PlanId}", "form.plan-form", s => $"/admin/products/{s.ProductId}/plans/{s.PlanId}", FormShape.NoToken);
        Method("plan edit: PUT", HttpMethod.Put, s => $"/admin/products/{s.ProductId}/plans/{s.PlanId}");

        // Orders: refund, finish refund, finish payment.
        Refund("refund: no reason", Expect.Message("Reason"), ("Reason", string.Empty));
        Refund("refund: white-space reason", Expect.Message("Reason"), ("Reason", " \r\n\t "));
        Refund("refund: 1 MB reason", Expect.Message("Reason"), ("Reason", Megabyte));
        Refund("refund: reason of 501 characters", Expect.Message("Reason"), ("Reason", new string('r', 501)));
        Refund("refund: no line", Expect.Message("Lines"), ("Lines", null), ("Reason", "No line"));
        Refund("refund: garbage line", Expect.Message("Lines"), ("Lines", "abc"), ("Reason", "Garbage"));
        Refund("refund: negative line", Expect.Message("Lines"), ("Lines", "-1"), ("Reason", "Negative"));
        Refund("refund: line the order lacks", Expect.Message("Lines"), ("Lines", "99"), ("Reason", "Another order's"));
        Refund("refund: line past int", Expect.Message("Lines"), ("Lines", "99999999999999999999"), ("Reason", "Huge"));
        Form("refund: without antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/orders/{s.PaidOrder}/refund", "form.refund-form", s => $"/admin/orders/{s.PaidOrder}/refund", FormShape.NoToken, ("Reason", "No token"));
        Form("refund: forged antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/orders/{s.PaidOrder}/refund", "form.refund-form", s => $"/admin/orders/{s.PaidOrder}/refund", FormShape.ForgedToken, ("Reason", "Forged"));
        Form("refund: fields as JSON", Who.Admin, Expect.Error(400), s => $"/admin/orders/{s.PaidOrder}/refund", "form.refund-form", s => $"/admin/orders/{s.PaidOrder}/refund", FormShape.Json, ("Reason", "Json"));
        Form("refund: posted by the customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/orders/{s.PaidOrder}/refund", FormShape.UrlEncoded, ("Reason", "Mine"));
        Post("refund: SQL order number", Who.Admin, Expect.Error(404), "/admin/orders", _ => "/admin/orders/'%20OR%20'1'%3D'1/refund", ("Reason", "x"));
        Post("refund: markup order number", Who.Admin, Expect.Error(404), "/admin/orders", _ => "/admin/orders/%3Cscript%3E/refund", ("Reason", "x"));
        Post("refund: unknown order", Who.Admin, Expect.Error(404), "/admin/orders", _ => "/admin/orders/SO-2099-999999/refund", ("Reason", "x"));
        Post("refund: 4 KB order number", Who.Admin, Expect.Error(404), "/admin/orders", _ => $"/admin/orders/{new string('9', 4096)}/refund", ("Reason", "x"));
        Post("finish refund: a paid order", Who.Admin, Expect.Flash("/admin/orders/{order}"), "/admin/orders", s => $"/admin/orders/{s.PaidOrder}/finish-refund");
        Post("finish payment: a paid order", Who.Admin, Expect.Flash("/admin/orders/{order}"), "/admin/orders", s => $"/admin/orders/{s.PaidOrder}/finish-payment");
        Post("finish refund: unknown order", Who.Admin, Expect.Error(404), "/admin/orders", _ => "/admin/orders/SO-2099-999999/finish-refund");
        Post("cancel: a paid order", Who.Admin, Expect.Flash("/admin/orders/{order}"), "/admin/orders", s => $"/admin/orders/{s.PaidOrder}/cancel", ("Reason", "Paid orders are refunded, not cancelled"));
        Post("cancel: a paid order, 1 MB reason", Who.Admin, Expect.Flash("/admin/orders/{order}"), "/admin/orders", s => $"/admin/orders/{s.PaidOrder}/cancel", ("Reason", Megabyte));
        Post("cancel: unknown order", Who.Admin, Expect.Error(404), "/admin/orders", _ => "/admin/orders/SO-2099-999999/cancel", ("Reason", "x"));
        Post("cancel: SQL order number", Who.Admin, Expect.Error(404), "/admin/orders", _ => "/admin/orders/'%20OR%20'1'%3D'1/cancel", ("Reason", "x"));
        Post("cancel: posted by the customer", Who.Customer, Expect.Error(403), "/account", s => $"/admin/orders/{s.PaidOrder}/cancel", ("Reason", "Mine"));
        Method("cancel: PUT", HttpMethod.Put, s => $"/admin/orders/{s.PaidOrder}/cancel");
        Method("refund: PUT", HttpMethod.Put, s => $"/admin/orders/{s.PaidOrder}/refund");
        Method("finish refund: GET", HttpMethod.Get, s => $"/admin/orders/{s.PaidOrder}/finish-refund");

        // Licenses: revoke, change Max Activations, free a slot, generate; the list and export.
        void Revoke(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/licenses/{s.FullKeyId}/revoke", "form.revoke-form", s => $"/admin/licenses/{s.FullKeyId}/revoke", FormShape.UrlEncoded, values);
        void Limit(string name, Expect expect, string? value) =>
            Form(name, Who.Admin, expect, s => $"/admin/licenses/{s.FullKeyId}", "form.max-activations-form", s => $"/admin/licenses/{s.FullKeyId}/max-activations", FormShape.UrlEncoded, ("MaxActivations", value));
        void Generate(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, _ => "/admin/licenses/generate", "form.generate-form", _ => "/admin/licenses/generate", FormShape.UrlEncoded, Merge([("CustomerEmail", "nobody@example.com"), ("ProductName", "Gallery Pro")], values));
        void List(string name, string url, string mediaType = "text/html") =>
            corpus.Add(name, Who.Admin, Expect.Page(mediaType), (_, client) => client.GetAsync(url));
        Revoke("license revoke: no reason", Expect.Message("Reason"), ("Reason", string.Empty));
        Revoke("license revoke: white-space reason", Expect.Message("Reason"), ("Reason", "\t \r\n"));
        Revoke("license revoke: 1 MB reason", Expect.Message("Reason"), ("Reason", Megabyte));
        Revoke("license revoke: reason of 501 characters", Expect.Message("Reason"), ("Reason", new string('r', 501)));
        Form("license revoke: without antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/licenses/{s.FullKeyId}/revoke", "form.revoke-form", s => $"/admin/licenses/{s.FullKeyId}/revoke", FormShape.NoToken, ("Reason", "No token"));
        Form("license revoke: fields as JSON", Who.Admin, Expect.Error(400), s => $"/admin/licenses/{s.FullKeyId}/revoke", "form.revoke-form", s => $"/admin/licenses/{s.FullKeyId}/revoke", FormShape.Json, ("Reason", "Json"));
        Form("license revoke: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/licenses/{s.FullKeyId}/revoke", FormShape.UrlEncoded, ("Reason", "Mine"));
        Post("license revoke: unknown license", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/999999/revoke", ("Reason", "x"));
        Post("license revoke: SQL id", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/1%20OR%201%3D1/revoke", ("Reason", "x"));
        Post("license revoke: a revoked key", Who.Admin, Expect.Flash("/admin/licenses/{revoked}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.RevokedKeyId}/revoke", ("Reason", "Again"));
        Method("license revoke: PUT", HttpMethod.Put, s => $"/admin/licenses/{s.FullKeyId}/revoke");
        Limit("license limit: not a number", Expect.Message("MaxActivations"), "five");
        Limit("license limit: negative", Expect.Message("MaxActivations"), "-1");
        Limit("license limit: above the maximum", Expect.Message("MaxActivations"), "1000001");
        Limit("license limit: beyond int", Expect.Message("MaxActivations"), "99999999999");
        Limit("license limit: empty", Expect.Message("MaxActivations"), string.Empty);
        Limit("license limit: SQL", Expect.Message("MaxActivations"), Sql);
        Limit("license limit: 1 MB", Expect.Message("MaxActivations"), Megabyte);
        Limit("license limit: right-to-left digits", Expect.Message("MaxActivations"), "\u202E5");
        Post("license limit: a revoked key", Who.Admin, Expect.Flash("/admin/licenses/{revoked}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.RevokedKeyId}/max-activations", ("MaxActivations", "10"));
        Post("license limit: unknown license", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/999999/max-activations", ("MaxActivations", "10"));
        Form("license limit: without antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/licenses/{s.FullKeyId}", "form.max-activations-form", s => $"/admin/licenses/{s.FullKeyId}/max-activations", FormShape.NoToken, ("MaxActivations", "10"));
        Post("license free slot: environment not on the key", Who.Admin, Expect.Flash("/admin/licenses/{full}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.FullKeyId}/environments/999999/remove");
        Post("license free slot: environment of another key", Who.Admin, Expect.Flash("/admin/licenses/{revoked}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.RevokedKeyId}/environments/{s.KnownEnvironmentId}/remove");
        Post("license free slot: unknown license", Who.Admin, Expect.Error(404), "/admin/licenses/generate", s => $"/admin/licenses/999999/environments/{s.KnownEnvironmentId}/remove");
        Post("license free slot: environment id not a number", Who.Admin, Expect.Error(404), "/admin/licenses/generate", s => $"/admin/licenses/{s.FullKeyId}/environments/abc/remove");
        Form("license free slot: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/licenses/generate", null, s => $"/admin/licenses/{s.FullKeyId}/environments/{s.KnownEnvironmentId}/remove", FormShape.NoToken);
        Form("license free slot: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/licenses/{s.FullKeyId}/environments/{s.KnownEnvironmentId}/remove", FormShape.UrlEncoded);
        Method("license free slot: GET", HttpMethod.Get, s => $"/admin/licenses/{s.FullKeyId}/environments/{s.KnownEnvironmentId}/remove");
        Post("license free slot: unknown environment, page numbers not numbers", Who.Admin, Expect.Flash("/admin/licenses/{full}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.FullKeyId}/environments/999999/remove?environments=%3Cscript%3E&history=1%20OR%201%3D1");
        Post("license free slot: unknown environment, negative and beyond-int pages", Who.Admin, Expect.Flash("/admin/licenses/{full}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.FullKeyId}/environments/999999/remove?environments=-4&history=99999999999");
        Post("license free slot: unknown environment, pages beyond the last", Who.Admin, Expect.Flash("/admin/licenses/{full}?environments=7&history=99"), "/admin/licenses/generate", s => $"/admin/licenses/{s.FullKeyId}/environments/999999/remove?environments=7&history=99");
        Form("license limit: not a number, absurd page numbers", Who.Admin, Expect.Message("MaxActivations"), s => $"/admin/licenses/{s.FullKeyId}", "form.max-activations-form", s => $"/admin/licenses/{s.FullKeyId}/max-activations?environments=%00&history=-1", FormShape.UrlEncoded, ("MaxActivations", "five"));
        Form("license limit: below Activations Used, pages beyond the last", Who.Admin, Expect.Message("MaxActivations"), s => $"/admin/licenses/{s.FullKeyId}?environments=50", "form.max-activations-form", s => $"/admin/licenses/{s.FullKeyId}/max-activations?environments=50&history=2147483647", FormShape.UrlEncoded, ("MaxActivations", "0,5"));
        corpus.Add("license page: page numbers not numbers", Who.Admin, Expect.Page(), (site, client) => client.GetAsync($"/admin/licenses/{site.FullKeyId}?environments=%27%20OR%201%3D1%20--&history=%3Cscript%3E"));
        corpus.Add("license page: negative, zero and beyond-int pages", Who.Admin, Expect.Page(), (site, client) => client.GetAsync($"/admin/licenses/{site.FullKeyId}?environments=-1&history=0&environments=99999999999"));
        corpus.Add("license page: pages beyond the last, 1 MB parameter", Who.Admin, Expect.Page(), (site, client) => client.GetAsync($"/admin/licenses/{site.FullKeyId}?environments=2147483647&history=" + new string('9', 100_000)));
        Generate("license generate: empty email", Expect.Message("CustomerEmail"), ("CustomerEmail", string.Empty));
        Generate("license generate: 1 MB email", Expect.Message("CustomerEmail"), ("CustomerEmail", Megabyte));
        Generate("license generate: no such customer", Expect.Message("CustomerEmail"));
        Generate("license generate: SQL email", Expect.Message("CustomerEmail"), ("CustomerEmail", Sql));
        Generate("license generate: markup in the email's local part", Expect.Message("CustomerEmail"), ("CustomerEmail", "<script>alert(1)</script>@example.com"));
        Generate("license generate: email with a display name", Expect.Message("CustomerEmail"), ("CustomerEmail", "Shopper <shopper@example.com>"));
        Generate("license generate: markup product for no such customer", Expect.Message("CustomerEmail"), ("ProductName", Markup));
        Generate("license generate: empty product", Expect.Message("ProductName"), ("CustomerEmail", HostileStore.ShopperEmail), ("ProductName", string.Empty));
        Generate("license generate: 1 MB product", Expect.Message("ProductName"), ("CustomerEmail", HostileStore.ShopperEmail), ("ProductName", Megabyte));
        Generate("license generate: expiry not a date", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", "tomorrow"));
        Generate("license generate: expiry out of the calendar", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", "2030-13-45"));
        Generate("license generate: expiry in the past", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", "2000-01-01"));
        Generate("license generate: expiry SQL", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", Sql));
        Generate("license generate: expiry month first", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", "03/04/2031"));
        Generate("license generate: expiry day first with points", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", "10.03.2031"));
        Generate("license generate: expiry in Arabic-Indic digits", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", "\u0662\u0660\u0663\u0661-\u0660\u0663-\u0661\u0660"));
        Generate("license generate: expiry with a time", Expect.Message("ExpiresOn"), ("CustomerEmail", HostileStore.ShopperEmail), ("ExpiresOn", "2031-03-10T00:00:00Z"));
        Generate("license generate: negative Max Activations", Expect.Message("MaxActivations"), ("CustomerEmail", HostileStore.ShopperEmail), ("MaxActivations", "-1"));
        Generate("license generate: Max Activations not a number", Expect.Message("MaxActivations"), ("CustomerEmail", HostileStore.ShopperEmail), ("MaxActivations", "many"));
        Generate("license generate: Max Activations beyond int", Expect.Message("MaxActivations"), ("CustomerEmail", HostileStore.ShopperEmail), ("MaxActivations", "99999999999"));
        Generate("license generate: unknown match rule", Expect.Message("MatchBy"), ("CustomerEmail", HostileStore.ShopperEmail), ("MatchBy", "Everything"));
        Generate("license generate: match rule out of the enum", Expect.Message("MatchBy"), ("CustomerEmail", HostileStore.ShopperEmail), ("MatchBy", "42"));
        Form("license generate: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/licenses/generate", "form.generate-form", _ => "/admin/licenses/generate", FormShape.NoToken, ("CustomerEmail", HostileStore.ShopperEmail), ("ProductName", "No Token"));
        Form("license generate: fields as JSON", Who.Admin, Expect.Error(400), _ => "/admin/licenses/generate", "form.generate-form", _ => "/admin/licenses/generate", FormShape.Json, ("CustomerEmail", HostileStore.ShopperEmail), ("ProductName", "Json"));
        Form("license generate: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, _ => "/admin/licenses/generate", FormShape.UrlEncoded, ("CustomerEmail", HostileStore.ShopperEmail), ("ProductName", "Mine"));
        Method("license generate: DELETE", HttpMethod.Delete, _ => "/admin/licenses/generate");
        void GenerateFor(string name, Expect expect, Func<HostileStore, (string, string?)[]> values) =>
            corpus.Add(name, Who.Admin, expect, (site, client) => FormAsync(client, "/admin/licenses/generate", "form.generate-form", "/admin/licenses/generate", FormShape.UrlEncoded, Merge([("CustomerEmail", HostileStore.ShopperEmail)], values(site))));
        Generate("license generate: unknown product", Expect.Message("ProductId"), ("CustomerEmail", HostileStore.ShopperEmail), ("ProductId", "999999"));
        Generate("license generate: product id SQL", Expect.Message("ProductId"), ("CustomerEmail", HostileStore.ShopperEmail), ("ProductId", Sql));
        Generate("license generate: product id beyond int", Expect.Message("ProductId"), ("CustomerEmail", HostileStore.ShopperEmail), ("ProductId", "99999999999"));
        Generate("license generate: negative product id", Expect.Message("ProductId"), ("CustomerEmail", HostileStore.ShopperEmail), ("ProductId", "-1"));
        Generate("license generate: unknown plan", Expect.Message("PlanId"), ("CustomerEmail", HostileStore.ShopperEmail), ("PlanId", "999999"));
        Generate("license generate: unknown plan, claimed filled", Expect.Message("PlanId"), ("CustomerEmail", HostileStore.ShopperEmail), ("PlanId", "999999"), ("FilledFromPlanId", "999999"));
        Generate("license generate: plan id markup", Expect.Message("PlanId"), ("CustomerEmail", HostileStore.ShopperEmail), ("PlanId", Markup));
        Generate("license generate: plan id 1 MB", Expect.Message("PlanId"), ("CustomerEmail", HostileStore.ShopperEmail), ("PlanId", Megabyte));
        Generate("license generate: fill step with an unknown plan", Expect.Message("PlanId"), ("PlanId", "2147483647"), ("Step", "plan"));
        GenerateFor("license generate: plan of another product", Expect.Message("PlanId"), s => [("ProductId", s.OtherProductId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("PlanId", s.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("FilledFromPlanId", s.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        GenerateFor("license generate: a plan, filled claimed by another plan, bad email", Expect.Message(null), s => [("CustomerEmail", Sql), ("PlanId", s.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("FilledFromPlanId", "1")]);
        Generate("license generate: deactivations per 30 days negative", Expect.Message("DeactivationsPer30Days"), ("CustomerEmail", HostileStore.ShopperEmail), ("DeactivationsPer30Days", "-1"));
        Generate("license generate: deactivations per 30 days 1 MB", Expect.Message("DeactivationsPer30Days"), ("CustomerEmail", HostileStore.ShopperEmail), ("DeactivationsPer30Days", Megabyte));
        Generate("license generate: deactivations per 30 days empty", Expect.Message("DeactivationsPer30Days"), ("CustomerEmail", HostileStore.ShopperEmail), ("DeactivationsPer30Days", string.Empty));
        Generate("license generate: order reference 1 MB", Expect.Message("OrderReference"), ("CustomerEmail", HostileStore.ShopperEmail), ("OrderReference", Megabyte));
        Generate("license generate: order reference with control characters", Expect.Message("OrderReference"), ("CustomerEmail", HostileStore.ShopperEmail), ("OrderReference", Controls));
        Generate("license generate: order reference with a line break", Expect.Message("OrderReference"), ("CustomerEmail", HostileStore.ShopperEmail), ("OrderReference", "PO-1\r\nBcc: x@example.com"));
        Generate("license generate: create account not a boolean", Expect.Message("CreateAccount"), ("CreateAccount", "yes please"));
        Generate("license generate: notify not a boolean", Expect.Message("NotifyCustomer"), ("CustomerEmail", HostileStore.ShopperEmail), ("NotifyCustomer", "maybe"));
        Generate("license generate: development sites flag SQL", Expect.Message("DevelopmentSitesFree"), ("CustomerEmail", HostileStore.ShopperEmail), ("DevelopmentSitesFree", Sql));
        Generate("license generate: invite a markup email", Expect.Message("CustomerEmail"), ("CustomerEmail", "<img src=x onerror=alert(1)>@example.com"), ("CreateAccount", "true"));
        Generate("license generate: invite an email with a display name", Expect.Message("CustomerEmail"), ("CustomerEmail", "Eve <eve@example.com>"), ("CreateAccount", "true"));
        Generate("license generate: invite a 1 MB email", Expect.Message("CustomerEmail"), ("CustomerEmail", Megabyte + "@example.com"), ("CreateAccount", "true"));
        Generate("license generate: invite a right-to-left email", Expect.Message("CustomerEmail"), ("CustomerEmail", RightToLeft + "@example.com"), ("CreateAccount", "true"));
        Generate("license generate: unknown step, no product", Expect.Message("ProductName"), ("CustomerEmail", HostileStore.ShopperEmail), ("ProductName", string.Empty), ("Step", Markup));
        Form("license generate: posted anonymously", Who.Anonymous, Expect.Redirect("/account/login"), _ => "/account/login", null, _ => "/admin/licenses/generate", FormShape.UrlEncoded, ("CustomerEmail", HostileStore.ShopperEmail), ("ProductName", "Anonymous"), ("CreateAccount", "true"));
        List("license history export: absurd filter", "/admin/licenses/history/export?q=%27%20OR%201%3D1%20--&status=%3Cscript%3E&sort=" + new string('z', 10_000), "text/csv");
        corpus.Add("license history export: unknown key", Who.Admin, Expect.Error(404), (_, client) => client.GetAsync("/admin/licenses/999999/history/export"));
        corpus.Add("license history export: by a customer", Who.Customer, Expect.Error(403), (site, client) => client.GetAsync($"/admin/licenses/{site.FullKeyId}/history/export"));
        // Licenses: suspend, reinstate, expiry, transfer, bulk.
        void Suspend(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/licenses/{s.FullKeyId}", "form.suspend-form", s => $"/admin/licenses/{s.FullKeyId}/suspend", FormShape.UrlEncoded, values);
        void Expiry(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/licenses/{s.FullKeyId}", "form.expiry-form", s => $"/admin/licenses/{s.FullKeyId}/expiry", FormShape.UrlEncoded, values);
        void Transfer(string name, Expect expect, string? email) =>
            Form(name, Who.Admin, expect, s => $"/admin/licenses/{s.FullKeyId}", "form.transfer-form", s => $"/admin/licenses/{s.FullKeyId}/transfer", FormShape.UrlEncoded, ("customerEmail", email));
        void BulkPost(string name, Expect expect, params (string, string?)[] values) =>
            Post(name, Who.Admin, expect, "/admin/licenses", _ => "/admin/licenses/bulk", values);
        Suspend("license suspend: no reason", Expect.Message("Reason"), ("Reason", string.Empty));
        Suspend("license suspend: white-space reason", Expect.Message("Reason"), ("Reason", "\t \r\n"));
        Suspend("license suspend: 1 MB reason", Expect.Message("Reason"), ("Reason", Megabyte));
        Suspend("license suspend: reason of 501 characters", Expect.Message("Reason"), ("Reason", new string('r', 501)));
        Form("license suspend: without antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/licenses/{s.FullKeyId}", "form.suspend-form", s => $"/admin/licenses/{s.FullKeyId}/suspend", FormShape.NoToken, ("Reason", "No token"));
        Form("license suspend: fields as JSON", Who.Admin, Expect.Error(400), s => $"/admin/licenses/{s.FullKeyId}", "form.suspend-form", s => $"/admin/licenses/{s.FullKeyId}/suspend", FormShape.Json, ("Reason", "Json"));
        Form("license suspend: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/licenses/{s.FullKeyId}/suspend", FormShape.UrlEncoded, ("Reason", "Mine"));
        Form("license suspend: posted anonymously", Who.Anonymous, Expect.Redirect("/account/login"), _ => "/account/login", null, s => $"/admin/licenses/{s.FullKeyId}/suspend", FormShape.UrlEncoded, ("Reason", "Anonymous"));
        Post("license suspend: unknown license", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/999999/suspend", ("Reason", "x"));
        Post("license suspend: SQL id", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/1%20OR%201%3D1/suspend", ("Reason", "x"));
        Post("license suspend: a revoked key", Who.Admin, Expect.Flash("/admin/licenses/{revoked}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.RevokedKeyId}/suspend", ("Reason", "Again"));
        Method("license suspend: GET", HttpMethod.Get, s => $"/admin/licenses/{s.FullKeyId}/suspend");
        Post("license reinstate: a key that is not suspended", Who.Admin, Expect.Flash("/admin/licenses/{full}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.FullKeyId}/reinstate");
        Post("license reinstate: a revoked key", Who.Admin, Expect.Flash("/admin/licenses/{revoked}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.RevokedKeyId}/reinstate");
        Post("license reinstate: unknown license", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/999999/reinstate");
        Form("license reinstate: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/licenses/generate", null, s => $"/admin/licenses/{s.FullKeyId}/reinstate", FormShape.NoToken);
        Form("license reinstate: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/licenses/{s.FullKeyId}/reinstate", FormShape.UrlEncoded);
        Expiry("license expiry: not a date", Expect.Message("Expiry"), ("Expiry", "next year"));
        Expiry("license expiry: SQL date", Expect.Message("Expiry"), ("Expiry", Sql));
        Expiry("license expiry: year 99999", Expect.Message("Expiry"), ("Expiry", "99999-01-01"));
        Expiry("license expiry: February 30th", Expect.Message("Expiry"), ("Expiry", "2027-02-30"));
        Expiry("license expiry: 1 MB date", Expect.Message("Expiry"), ("Expiry", Megabyte));
        Expiry("license expiry: neither a date nor Lifetime", Expect.Message("Expiry"), ("Expiry", string.Empty));
        Expiry("license expiry: Lifetime not a boolean", Expect.Message("Lifetime"), ("Expiry", string.Empty), ("lifetime", "forever"));
        Form("license expiry: without antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/licenses/{s.FullKeyId}", "form.expiry-form", s => $"/admin/licenses/{s.FullKeyId}/expiry", FormShape.NoToken, ("lifetime", "true"));
        Form("license expiry: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/licenses/{s.FullKeyId}/expiry", FormShape.UrlEncoded, ("lifetime", "true"));
        Post("license expiry: a revoked key", Who.Admin, Expect.Flash("/admin/licenses/{revoked}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.RevokedKeyId}/expiry", ("lifetime", "true"));
        Post("license expiry: unknown license", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/999999/expiry", ("lifetime", "true"));
        Transfer("license transfer: no email", Expect.Message("CustomerEmail"), string.Empty);
        Transfer("license transfer: markup email", Expect.Message("CustomerEmail"), Markup);
        Transfer("license transfer: SQL email", Expect.Message("CustomerEmail"), Sql);
        Transfer("license transfer: 1 MB email", Expect.Message("CustomerEmail"), Megabyte);
        Transfer("license transfer: right-to-left email", Expect.Message("CustomerEmail"), RightToLeft);
        Transfer("license transfer: NUL in the email (the host refuses control characters)", Expect.Error(400), "a\u0000b@example.com");
        Transfer("license transfer: to its own customer", Expect.Message("CustomerEmail"), StoreSite.Tests.Licensing.LicensingArrange.CustomerEmail);
        Form("license transfer: without antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/licenses/{s.FullKeyId}", "form.transfer-form", s => $"/admin/licenses/{s.FullKeyId}/transfer", FormShape.NoToken, ("customerEmail", "x@example.com"));
        Form("license transfer: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/licenses/{s.FullKeyId}/transfer", FormShape.UrlEncoded, ("customerEmail", "x@example.com"));
        Post("license transfer: a revoked key", Who.Admin, Expect.Flash("/admin/licenses/{revoked}"), "/admin/licenses/generate", s => $"/admin/licenses/{s.RevokedKeyId}/transfer", ("customerEmail", "x@example.com"));
        Post("license transfer: unknown license", Who.Admin, Expect.Error(404), "/admin/licenses/generate", _ => "/admin/licenses/999999/transfer", ("customerEmail", "x@example.com"));
        BulkPost("licenses bulk: nothing selected", Expect.Flash("/admin/licenses"), ("action", "suspend"), ("reason", "x"));
        BulkPost("licenses bulk: unknown action", Expect.Flash("/admin/licenses"), ("ids", "1"), ("action", "drop table"));
        BulkPost("licenses bulk: SQL ids, no reason", Expect.Flash("/admin/licenses"), ("ids", "1 OR 1=1"), ("ids", "-5"), ("action", "suspend"), ("reason", string.Empty));
        BulkPost("licenses bulk: ids beyond int, 1 MB reason", Expect.Flash("/admin/licenses"), ("ids", "99999999999"), ("action", "revoke"), ("reason", Megabyte));
        BulkPost("licenses bulk: all with a markup search, numeric action", Expect.Flash("/admin/licenses?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), ("all", "true"), ("q", "<script>alert(1)</script>"), ("action", "1"));
        BulkPost("licenses bulk: export of unknown ids", Expect.Page("text/csv"), ("ids", "999998"), ("ids", "999999"), ("action", "export"));
        Form("licenses bulk: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/licenses", null, _ => "/admin/licenses/bulk", FormShape.NoToken, ("ids", "1"), ("action", "suspend"), ("reason", "x"));
        Form("licenses bulk: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, _ => "/admin/licenses/bulk", FormShape.UrlEncoded, ("ids", "1"), ("action", "revoke"), ("reason", "x"));
        Method("licenses bulk: GET", HttpMethod.Get, _ => "/admin/licenses/bulk");
        List("licenses list: SQL search, unknown status and sort, negative page", "/admin/licenses?q=%27%20OR%201%3D1%20--&status=%3Cscript%3E&sort=1%3BDROP&page=-5");
        List("licenses list: 1 MB search and a page beyond int", "/admin/licenses?q=" + new string('a', 100_000) + "&page=99999999999");
        List("licenses export: SQL search", "/admin/licenses/export?q=%27%20OR%201%3D1%20--&status=nope&sort=%00", "text/csv");
        List("licenses list: unknown, repeated and huge usage filters", "/admin/licenses?usage=%27%20OR%201%3D1&usage=near-limit&usage=" + new string('u', 100_000));
        List("licenses export: near-limit usage with markup search", "/admin/licenses/export?usage=NEAR-LIMIT&q=%3Cscript%3E", "text/csv");
        BulkPost("licenses bulk: all near their limit, unknown usage", Expect.Flash("/admin/licenses"), ("all", "true"), ("usage", "<b>near</b>"), ("action", "1"));
        List("orders list: markup search, unknown status", "/admin/orders?q=%3Cscript%3E&status=Exploded&page=0");
        List("products list: 1 MB search", "/admin/products?q=" + new string('b', 100_000) + "&page=-1");
        List("users list: SQL search, page beyond int", "/admin/users?q=%27%20OR%201%3D1%20--&page=99999999999");

        // Users.
        CreateUser("user create: empty email", Expect.Message("Email"), ("Email", string.Empty));
        CreateUser("user create: 1 MB email", Expect.Message("Email"), ("Email", Megabyte));
        CreateUser("user create: not an email", Expect.Message("Email"), ("Email", "staff"));
        CreateUser("user create: SQL email", Expect.Message("Email"), ("Email", Sql));
        CreateUser("user create: control characters in the email", Expect.Message("Email"), ("Email", "st\u0007ff@example.com"));
        CreateUser("user create: the admin's email", Expect.Message("Email"), ("Email", StoreSite.Tests.Infrastructure.TestSite.AdminEmail));
        CreateUser("user create: markup in the local part", Expect.Message("Email"), ("Email", "<script>alert(1)</script>@example.com"));
        CreateUser("user create: quoted local part", Expect.Message("Email"), ("Email", "\"staff\"@example.com"));
        CreateUser("user create: space in the local part", Expect.Message("Email"), ("Email", "new staff@example.com"));
        CreateUser("user create: display name and address", Expect.Message("Email"), ("Email", "Staff <staff@example.com>"));
        CreateUser("user create: weak password", Expect.Message("Password"), ("Password", "weak"));
        CreateUser("user create: 1 MB password", Expect.Message("Password"), ("Password", Megabyte));
        CreateUser("user create: unknown role", Expect.Message("Roles"), ("Roles", "Superuser"));
        CreateUser("user create: markup role", Expect.Message("Roles"), ("Roles", Markup));
        CreateUser("user create: 1 MB role", Expect.Message("Roles"), ("Roles", Megabyte));
        CreateUser("user create: 51 roles", Expect.Message("Roles"), [.. Enumerable.Repeat(("Roles", (string?)"Customer"), 51)]);
        Form("user create: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/users/create", "form[action='/admin/users/create']", _ => "/admin/users/create", FormShape.NoToken, ("Email", "nt@example.com"), ("Password", "Good-Passw0rd"));
        Post("user roles: unknown user", Who.Admin, Expect.Error(404), "/admin/users", _ => "/admin/users/no-such-user/roles", ("roles", "Customer"));
        Post("user roles: 51 roles", Who.Admin, Expect.Error(400), "/admin/users", s => $"/admin/users/{s.ShopperId}/roles", [.. Enumerable.Repeat(("roles", (string?)"Customer"), 51)]);
        Post("user roles: 1 MB role", Who.Admin, Expect.Error(400), "/admin/users", s => $"/admin/users/{s.ShopperId}/roles", ("roles", Megabyte));
        Post("user roles: unknown role", Who.Admin, Expect.Flash("/admin/users/{shopper}"), "/admin/users", s => $"/admin/users/{s.ShopperId}/roles", ("roles", "Superuser"));
        Post("user roles: the admin removing Administrator from themself", Who.Admin, Expect.Flash("/admin/users/{admin}"), "/admin/users", s => $"/admin/users/{s.AdminId}/roles", ("roles", "Customer"));
        Post("user lock: SQL id", Who.Admin, Expect.Error(404), "/admin/users", _ => "/admin/users/'%20OR%201%3D1%20--/lock");
        Post("user lock: 1 KB id", Who.Admin, Expect.Error(404), "/admin/users", _ => $"/admin/users/{new string('a', 1024)}/lock");
        Post("user lock: the admin themself", Who.Admin, Expect.Flash("/admin/users/{admin}"), "/admin/users", s => $"/admin/users/{s.AdminId}/lock");
        Post("user unlock: unknown user", Who.Admin, Expect.Error(404), "/admin/users", _ => "/admin/users/%3Cscript%3E/unlock");
        Form("user lock: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/users/{s.AdminId}/lock", FormShape.UrlEncoded);
        Method("user lock: GET", HttpMethod.Get, s => $"/admin/users/{s.ShopperId}/lock");

        // Discount codes.
        void NewDiscount(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, _ => "/admin/discounts/new", "form.discount-form", _ => "/admin/discounts/new", FormShape.UrlEncoded, Merge([("Code", "HOSTILE"), ("Kind", "Percent"), ("Percent", "10")], values));
        void EditDiscount(string name, Expect expect, params (string, string?)[] values) =>
            Form(name, Who.Admin, expect, s => $"/admin/discounts/{s.DiscountId}", "form.discount-form", s => $"/admin/discounts/{s.DiscountId}", FormShape.UrlEncoded, values);
        NewDiscount("discount new: empty code", Expect.Message("Code"), ("Code", string.Empty));
        NewDiscount("discount new: 1 MB code", Expect.Message("Code"), ("Code", Megabyte));
        NewDiscount("discount new: markup code", Expect.Message("Code"), ("Code", Markup));
        NewDiscount("discount new: SQL code", Expect.Message("Code"), ("Code", Sql));
        NewDiscount("discount new: control characters in the code", Expect.Message("Code"), ("Code", Controls));
        NewDiscount("discount new: right-to-left code", Expect.Message("Code"), ("Code", RightToLeft));
        NewDiscount("discount new: look-alike Cyrillic code", Expect.Message("Code"), ("Code", "WELC\u041EME10"));
        NewDiscount("discount new: dotless i that upper-cases to I", Expect.Message("Code"), ("Code", "pr\u0131ce"));
        NewDiscount("discount new: code taken in lower case", Expect.Message("Code"), ("Code", " welcome10 "));
        NewDiscount("discount new: percent 0", Expect.Message("Percent"), ("Percent", "0"));
        NewDiscount("discount new: percent 101", Expect.Message("Percent"), ("Percent", "101"));
        NewDiscount("discount new: negative percent", Expect.Message("Percent"), ("Percent", "-5"));
        NewDiscount("discount new: percent with decimals", Expect.Message("Percent"), ("Percent", "12.5"));
        NewDiscount("discount new: percent beyond int", Expect.Message("Percent"), ("Percent", "99999999999"));
        NewDiscount("discount new: 1 MB percent", Expect.Message("Percent"), ("Percent", Megabyte));
        NewDiscount("discount new: amount with a decimal comma", Expect.Message("Amount"), ("Kind", "Amount"), ("Amount", "9,50"));
        NewDiscount("discount new: amount of three decimals", Expect.Message("Amount"), ("Kind", "Amount"), ("Amount", "9.999"));
        NewDiscount("discount new: negative amount", Expect.Message("Amount"), ("Kind", "Amount"), ("Amount", "-1"));
        NewDiscount("discount new: zero amount", Expect.Message("Amount"), ("Kind", "Amount"), ("Amount", "0"));
        NewDiscount("discount new: amount above the maximum", Expect.Message("Amount"), ("Kind", "Amount"), ("Amount", "1000000.01"));
        NewDiscount("discount new: amount in exponent notation", Expect.Message("Amount"), ("Kind", "Amount"), ("Amount", "1e3"));
        NewDiscount("discount new: empty amount", Expect.Message("Amount"), ("Kind", "Amount"), ("Amount", string.Empty));
        NewDiscount("discount new: kind out of the enum", Expect.Message("Kind"), ("Kind", "Free"));
        NewDiscount("discount new: kind as a number beyond the enum", Expect.Message("Kind"), ("Kind", "42"));
        NewDiscount("discount new: applies to as a number beyond the enum", Expect.Message("AppliesTo"), ("AppliesTo", "7"));
        NewDiscount("discount new: applies to upgrades only", Expect.Message("AppliesTo"), ("AppliesTo", "Upgrades"));
        NewDiscount("discount new: product id not a number", Expect.Message("ProductIds"), ("ProductIds", Sql));
        NewDiscount("discount new: unknown product", Expect.Message("ProductIds"), ("ProductIds", "999999"));
        NewDiscount("discount new: plan id not a number", Expect.Message("PlanIds"), ("PlanIds", Sql));
        NewDiscount("discount new: unknown plan", Expect.Message("PlanIds"), ("PlanIds", "999999"));
        NewDiscount("discount new: negative plan id", Expect.Message("PlanIds"), ("PlanIds", "-1"));
        NewDiscount("discount new: plan id beyond int", Expect.Message("PlanIds"), ("PlanIds", "99999999999"));
        NewDiscount("discount new: markup plan id", Expect.Message("PlanIds"), ("PlanIds", Markup));
        NewDiscount("discount new: date not a date", Expect.Message("ValidFrom"), ("ValidFrom", "31/12/2026"));
        NewDiscount("discount new: 1 MB date", Expect.Message("ValidUntil"), ("ValidUntil", Megabyte));
        NewDiscount("discount new: end before the start", Expect.Message("ValidUntil"), ("ValidFrom", "2030-05-02"), ("ValidUntil", "2030-05-01"));
        NewDiscount("discount new: negative maximum", Expect.Message("MaxRedemptions"), ("MaxRedemptions", "-1"));
        NewDiscount("discount new: maximum beyond the limit", Expect.Message("MaxRedemptions"), ("MaxRedemptions", "1000001"));
        NewDiscount("discount new: per customer not a number", Expect.Message("MaxPerCustomer"), ("MaxPerCustomer", Markup));
        NewDiscount("discount new: active not a boolean, code empty", Expect.Message("Code"), ("IsActive", "yes please"), ("Code", string.Empty));
        Form("discount new: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/discounts/new", "form.discount-form", _ => "/admin/discounts/new", FormShape.NoToken, ("Code", "NOTOKEN"));
        Form("discount new: fields as JSON", Who.Admin, Expect.Error(400), _ => "/admin/discounts/new", "form.discount-form", _ => "/admin/discounts/new", FormShape.Json, ("Code", "JSONCODE"));
        Form("discount new: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, _ => "/admin/discounts/new", FormShape.UrlEncoded, ("Code", "BYCUSTOMER"), ("Percent", "10"));
        Form("discount new: posted anonymously", Who.Anonymous, Expect.Redirect("/account/login"), _ => "/account/login", null, _ => "/admin/discounts/new", FormShape.UrlEncoded, ("Code", "ANON"), ("Percent", "10"));
        EditDiscount("discount edit: empty code", Expect.Message("Code"), ("Code", string.Empty));
        EditDiscount("discount edit: percent 1 MB", Expect.Message("Percent"), ("Percent", Megabyte));
        EditDiscount("discount edit: 1 MB plan id", Expect.Message("PlanIds"), ("PlanIds", Megabyte));
        Post("discount edit: unknown discount", Who.Admin, Expect.Error(404), "/admin/discounts/new", _ => "/admin/discounts/999999", ("Code", "GHOST"), ("Percent", "10"));
        Post("discount edit: id not a number", Who.Admin, Expect.Error(404), "/admin/discounts/new", _ => "/admin/discounts/abc", ("Code", "GHOST"));
        Post("discount deactivate: unknown discount", Who.Admin, Expect.Error(404), "/admin/discounts/new", _ => "/admin/discounts/999999/deactivate");
        Post("discount deactivate: SQL id", Who.Admin, Expect.Error(404), "/admin/discounts/new", _ => "/admin/discounts/1%20OR%201=1/deactivate");
        Form("discount deactivate: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/discounts/{s.DiscountId}/deactivate", FormShape.UrlEncoded);
        Form("discount deactivate: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/discounts", null, s => $"/admin/discounts/{s.DiscountId}/deactivate", FormShape.NoToken);
        Method("discount deactivate: GET", HttpMethod.Get, s => $"/admin/discounts/{s.DiscountId}/deactivate");
        List("discounts list: negative page", "/admin/discounts?page=-5");
        List("discounts list: a page beyond int", "/admin/discounts?page=99999999999");
        Method("discount edit: DELETE", HttpMethod.Delete, s => $"/admin/discounts/{s.DiscountId}");

        // Settings.
        Payments("payments: unknown provider", Expect.Message("PaymentProvider"), ("PaymentProvider", "stripe"));
        Payments("payments: 1 MB provider name", Expect.Message("PaymentProvider"), ("PaymentProvider", Megabyte));
        Payments("payments: markup as provider", Expect.Message("PaymentProvider"), ("PaymentProvider", "<img src=x onerror=alert(1)>"));
        Payments("payments: control characters as provider", Expect.Message("PaymentProvider"), ("PaymentProvider", Controls));
        Form("payments: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/payments", "form.payments-form", _ => "/admin/payments", FormShape.NoToken, ("PaymentProvider", string.Empty));
        Form("payments: posted by the customer", Who.Customer, Expect.Error(403), _ => "/account", null, _ => "/admin/payments", FormShape.UrlEncoded, ("PaymentProvider", string.Empty));
        Method("payments: PUT", HttpMethod.Put, _ => "/admin/payments");
        Settings("settings: empty site name", Expect.Message("SiteName"), ("SiteName", string.Empty));
        Settings("settings: 1 MB site name", Expect.Message("SiteName"), ("SiteName", Megabyte));
        Settings("settings: control characters in the site name", Expect.Message("SiteName"), ("SiteName", Controls));
        Settings("settings: markup site name, page size 0", Expect.Message("PageSize"), ("SiteName", Markup), ("PageSize", "0"));
        Settings("settings: unknown time zone", Expect.Message("TimeZone"), ("TimeZone", "Mars/Olympus_Mons"));
        Settings("settings: path traversal time zone", Expect.Message("TimeZone"), ("TimeZone", "../../../../etc/passwd"));
        Settings("settings: SQL time zone", Expect.Message("TimeZone"), ("TimeZone", Sql));
        Settings("settings: 1 MB time zone", Expect.Message("TimeZone"), ("TimeZone", Megabyte));
        Settings("settings: page size not a number", Expect.Message("PageSize"), ("PageSize", "twenty"));
        Settings("settings: page size 1000", Expect.Message("PageSize"), ("PageSize", "1000"));
        Settings("settings: negative page size", Expect.Message("PageSize"), ("PageSize", "-20"));
        Settings("settings: page size beyond int", Expect.Message("PageSize"), ("PageSize", "99999999999999"));
        Settings("settings: currency of four letters", Expect.Message("Currency"), ("Currency", "USDX"));
        Settings("settings: currency markup", Expect.Message("Currency"), ("Currency", "<b>"));
        Settings("settings: currency digits", Expect.Message("Currency"), ("Currency", "123"));
        Settings("settings: currency with a right-to-left mark", Expect.Message("Currency"), ("Currency", "\u202EDSU"));
        Settings("settings: currency of three letters that is no ISO 4217 code", Expect.Message("Currency"), ("Currency", "XYZ"));
        Settings("settings: currency change without the confirmation", Expect.Message("Currency"), ("Currency", "EUR"));
        Settings("settings: currency change confirmed for another code", Expect.Message("Currency"), ("Currency", "EUR"), ("ConfirmCurrency", "GBP"));
        Settings("settings: currency change with a 1 MB confirmation", Expect.Message("Currency"), ("Currency", "EUR"), ("ConfirmCurrency", Megabyte));
        Settings("settings: currency change with a markup confirmation", Expect.Message("Currency"), ("Currency", "EUR"), ("ConfirmCurrency", Markup));
        Settings("settings: time zone given twice", Expect.Message("TimeZone"), ("TimeZone", "Mars/Olympus_Mons"), ("TimeZone", "Europe/Paris"));
        Settings("settings: time zone as an absolute path", Expect.Message("TimeZone"), ("TimeZone", "/etc/passwd"));
        Settings("settings: time zone with control characters", Expect.Message("TimeZone"), ("TimeZone", "Europe/Paris" + Controls));
        Settings("settings: time zone of a right-to-left mark", Expect.Message("TimeZone"), ("TimeZone", RightToLeft));
        foreach (var (label, value) in BadPublicUrls)
        {
            Settings($"settings: public address, {label}", Expect.Message("PublicUrl"), ("PublicUrl", value));
        }

        Settings("settings: public address with a NUL", Expect.Error(400), ("PublicUrl", "https://store.example.com/\u0000"));
        Settings("settings: public address given twice", Expect.Message("PublicUrl"), ("PublicUrl", "javascript:alert(1)"), ("PublicUrl", "https://one.example.com/"));
        Form("settings: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/settings", "form[action='/admin/settings']", _ => "/admin/settings", FormShape.NoToken, ("SiteName", "No Token"));
        Form("settings: fields as JSON", Who.Admin, Expect.Error(400), _ => "/admin/settings", "form[action='/admin/settings']", _ => "/admin/settings", FormShape.Json, ("SiteName", "Json"));
        Form("settings: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, _ => "/admin/settings", FormShape.UrlEncoded, ("SiteName", "Mine"));
        Method("settings: PUT", HttpMethod.Put, _ => "/admin/settings");

        // Modules and recipes.
        Post("module enable: unknown module", Who.Admin, Expect.Error(404), "/admin/modules", _ => "/admin/modules/CP.Nope/enable");
        Post("module enable: path traversal", Who.Admin, Expect.Error(404), "/admin/modules", _ => "/admin/modules/..%2FCP.Commerce/enable");
        Post("module disable: markup id", Who.Admin, Expect.Error(404), "/admin/modules", _ => "/admin/modules/%3Cscript%3E/disable");
        Post("module disable: commerce while licensing needs it", Who.Admin, Expect.Flash("/admin/modules"), "/admin/modules", _ => "/admin/modules/CP.Commerce/disable");
        Form("module disable: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/modules", null, _ => "/admin/modules/CP.Licensing/disable", FormShape.NoToken);
        Method("module enable: GET", HttpMethod.Get, _ => "/admin/modules/CP.Commerce/enable");
        Post("recipe run: unknown recipe", Who.Admin, Expect.Error(404), "/admin/recipes", _ => "/admin/recipes/nope/run");
        Post("recipe run: SQL name", Who.Admin, Expect.Error(404), "/admin/recipes", _ => "/admin/recipes/'%3B%20DROP%20TABLE%20x%3B--/run");
        Post("recipe run: path to a file", Who.Admin, Expect.Error(404), "/admin/recipes", _ => "/admin/recipes/..%2F..%2Fappsettings.json/run");
        Post("recipe run: the setup recipe", Who.Admin, Expect.Flash("/admin/recipes"), "/admin/recipes", _ => "/admin/recipes/store/run");
        Form("recipe run: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/recipes", null, _ => "/admin/recipes/sample-customers/run", FormShape.NoToken);
        Form("recipe run: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, _ => "/admin/recipes/sample-customers/run", FormShape.UrlEncoded);
        Method("recipe run: GET", HttpMethod.Get, _ => "/admin/recipes/sample-customers/run");
        // Product releases: the multipart upload form (a file part with the name as the client wrote it), publish, unpublish, delete.
        void Upload(string name, Expect expect, (string Name, byte[] Content)? file, params (string, string?)[] values) =>
            corpus.Add(name, Who.Admin, expect, (site, client) => UploadAsync(client, $"/admin/products/{site.ProductId}/releases", ReleaseForm, "file", file, true, Merge([("version", "9.9.9"), ("notes", "Hostile"), ("published", "true")], values)));
        void ReleasePost(string name, Who who, Expect expect, Func<HostileStore, string> action) =>
            Post(name, who, expect, who == Who.Admin ? "/admin/products/new" : "/account", action);
        (string, byte[]) Zip(string fileName) => (fileName, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        Upload("release upload: not SemVer", Expect.Message("version"), Zip("a.zip"), ("version", "v1.0"));
        Upload("release upload: two numbers", Expect.Message("version"), Zip("a.zip"), ("version", "1.0"));
        Upload("release upload: no version", Expect.Message("version"), Zip("a.zip"), ("version", null));
        Upload("release upload: 1 MB version", Expect.Message("version"), Zip("a.zip"), ("version", Megabyte));
        Upload("release upload: SQL version", Expect.Message("version"), Zip("a.zip"), ("version", Sql));
        Upload("release upload: markup version", Expect.Message("version"), Zip("a.zip"), ("version", Markup));
        Upload("release upload: version in Arabic-Indic digits", Expect.Message("version"), Zip("a.zip"), ("version", "\u0661.\u0662.\u0663"));
        Upload("release upload: version with leading zeros", Expect.Message("version"), Zip("a.zip"), ("version", "01.0.0"));
        Upload("release upload: version with a right-to-left mark", Expect.Message("version"), Zip("a.zip"), ("version", "\u202E1.0.0"));
        Upload("release upload: version taken", Expect.Message("version"), Zip("a.zip"), ("version", "1.0.0"));
        Upload("release upload: version taken but for build metadata", Expect.Message("version"), Zip("a.zip"), ("version", "1.0.0+other.build"));
        Upload("release upload: version taken, given twice", Expect.Message("version"), Zip("a.zip"), ("version", "1.0.0"), ("version", "9.9.8"));
        Upload("release upload: no file", Expect.Message("file"), null);
        Upload("release upload: empty file", Expect.Message("file"), ("a.zip", []));
        Upload("release upload: path traversal file name", Expect.Message("file"), Zip("../../../etc/passwd"));
        Upload("release upload: Windows path file name", Expect.Message("file"), Zip("C:\\Windows\\evil.dll"));
        Upload("release upload: file name of dots", Expect.Message("file"), Zip("..."));
        Upload("release upload: file name of 1 KB", Expect.Message("file"), Zip(new string('f', 1024) + ".zip"));
        Upload("release upload: markup file name", Expect.Message("file"), Zip("<script>alert(1)<\\script>.zip"));
        Upload("release upload: right-to-left file name", Expect.Message("file"), Zip(RightToLeft));
        Upload("release upload: control characters in the file name", Expect.Message("file"), Zip("a\u0007b\u001Bc.zip"));
        Upload("release upload: white-space file name", Expect.Message("file"), Zip("   "));
        Upload("release upload: notes of 20,001 characters", Expect.Message("notes"), Zip("a.zip"), ("notes", new string('n', 20_001)));
        Upload("release upload: 1 MB notes", Expect.Message("notes"), Zip("a.zip"), ("notes", Megabyte));
        Upload("release upload: published not a boolean, version taken", Expect.Message("version"), Zip("a.zip"), ("published", "<b>yes</b>"), ("version", "1.0.0"));
        Upload("release upload: the file sent as a text field", Expect.Message("file"), null, ("file", "not a file"));
        corpus.Add("release upload: without antiforgery token", Who.Admin, Expect.Error(400), (site, client) => UploadAsync(client, $"/admin/products/{site.ProductId}/releases", ReleaseForm, "file", Zip("a.zip"), false, [("version", "9.9.9")]));
        Form("release upload: urlencoded, no file", Who.Admin, Expect.Message("file"), s => $"/admin/products/{s.ProductId}/releases", "form.release-form", s => $"/admin/products/{s.ProductId}/releases", FormShape.UrlEncoded, ("version", "9.9.9"));
        Form("release upload: fields as JSON", Who.Admin, Expect.Error(400), s => $"/admin/products/{s.ProductId}/releases", "form.release-form", s => $"/admin/products/{s.ProductId}/releases", FormShape.Json, ("version", "9.9.9"));
        Form("release upload: forged antiforgery token", Who.Admin, Expect.Error(400), s => $"/admin/products/{s.ProductId}/releases", "form.release-form", s => $"/admin/products/{s.ProductId}/releases", FormShape.ForgedToken, ("version", "9.9.9"));
        Form("release upload: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/products/{s.ProductId}/releases", FormShape.Multipart, ("version", "9.9.9"));
        Form("release upload: posted anonymously", Who.Anonymous, Expect.Redirect("/account/login"), _ => "/account/login", null, s => $"/admin/products/{s.ProductId}/releases", FormShape.Multipart, ("version", "9.9.9"));
        Post("release upload: unknown product", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/999999/releases", ("version", "9.9.9"));
        Post("release upload: product id not a number", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/abc/releases", ("version", "9.9.9"));
        corpus.Add("release list: unknown product", Who.Admin, Expect.Error(404), (_, client) => client.GetAsync("/admin/products/999999/releases"));
        corpus.Add("release list: page numbers not numbers", Who.Admin, Expect.Page(), (site, client) => client.GetAsync($"/admin/products/{site.ProductId}/releases?page=%27%20OR%201%3D1"));
        corpus.Add("release list: pages negative and beyond int", Who.Admin, Expect.Page(), (site, client) => client.GetAsync($"/admin/products/{site.ProductId}/releases?page=-3&page=99999999999"));
        // A release's downloads (the download log, paged).
        corpus.Add("release downloads: page numbers not numbers", Who.Admin, Expect.Page(), (site, client) => client.GetAsync($"/admin/products/{site.OtherProductId}/releases/{site.OtherReleaseId}/downloads?page=%27%20OR%201%3D1"));
        corpus.Add("release downloads: pages negative and beyond int", Who.Admin, Expect.Page(), (site, client) => client.GetAsync($"/admin/products/{site.OtherProductId}/releases/{site.OtherReleaseId}/downloads?page=-3&page=99999999999"));
        corpus.Add("release downloads: a release of another product", Who.Admin, Expect.Error(404), (site, client) => client.GetAsync($"/admin/products/{site.ProductId}/releases/{site.OtherReleaseId}/downloads"));
        corpus.Add("release downloads: unknown release", Who.Admin, Expect.Error(404), (site, client) => client.GetAsync($"/admin/products/{site.OtherProductId}/releases/2147483647/downloads"));
        corpus.Add("release downloads: release id not a number", Who.Admin, Expect.Error(404), (site, client) => client.GetAsync($"/admin/products/{site.OtherProductId}/releases/1%20OR%201%3D1/downloads"));
        corpus.Add("release downloads: read by a customer", Who.Customer, Expect.Error(403), (site, client) => client.GetAsync($"/admin/products/{site.OtherProductId}/releases/{site.OtherReleaseId}/downloads"));
        ReleasePost("release publish: unknown release", Who.Admin, Expect.Flash("/admin/products/{product}/releases"), s => $"/admin/products/{s.ProductId}/releases/999999/publish");
        ReleasePost("release unpublish: unknown release", Who.Admin, Expect.Flash("/admin/products/{product}/releases"), s => $"/admin/products/{s.ProductId}/releases/999999/unpublish");
        ReleasePost("release delete: unknown release", Who.Admin, Expect.Flash("/admin/products/{product}/releases"), s => $"/admin/products/{s.ProductId}/releases/999999/delete");
        ReleasePost("release delete: a release of another product", Who.Admin, Expect.Flash("/admin/products/{product}/releases"), s => $"/admin/products/{s.ProductId}/releases/{s.OtherReleaseId}/delete");
        ReleasePost("release delete: release id not a number", Who.Admin, Expect.Error(404), s => $"/admin/products/{s.ProductId}/releases/1%20OR%201%3D1/delete");
        ReleasePost("release delete: posted by a customer", Who.Customer, Expect.Error(403), s => $"/admin/products/{s.ProductId}/releases/{s.OtherReleaseId}/delete");
        Form("release delete: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/products/new", null, s => $"/admin/products/{s.OtherProductId}/releases/{s.OtherReleaseId}/delete", FormShape.NoToken);
        Method("release delete: GET", HttpMethod.Get, s => $"/admin/products/{s.ProductId}/releases/{s.OtherReleaseId}/delete");
        Method("release upload: PUT", HttpMethod.Put, s => $"/admin/products/{s.ProductId}/releases");
        // Product images: the editor's multipart image form (file part "Image", field "ImageAlt"), remove, and the image URL.
        void Image(string name, Expect expect, (string Name, byte[] Content)? file, params (string, string?)[] values) =>
            corpus.Add(name, Who.Admin, expect, (site, client) => UploadAsync(client, $"/admin/products/{site.ProductId}", ImageForm, "Image", file, true, values));
        var png = TestImages.Png(40, 30);
        Image("product image: a text file named .png", Expect.Message("Image"), ("logo.png", Encoding.UTF8.GetBytes("just text, not a picture")));
        Image("product image: HTML named .jpg", Expect.Message("Image"), ("photo.jpg", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")));
        Image("product image: SVG with a script", Expect.Message("Image"), ("logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")));
        Image("product image: a PNG cut in half", Expect.Message("Image"), ("cut.png", png[..(png.Length / 2)]));
        Image("product image: a PNG header claiming 50,000 x 50,000 pixels", Expect.Message("Image"), ("bomb.png", TestImages.PngClaiming(50_000, 50_000)));
        Image("product image: a PNG header claiming a negative size", Expect.Message("Image"), ("negative.png", TestImages.PngClaiming(-1, -1)));
        Image("product image: a PNG header claiming 0 x 0", Expect.Message("Image"), ("zero.png", TestImages.PngClaiming(0, 0)));
        Image("product image: only the PNG signature", Expect.Message("Image"), ("sig.png", png[..8]));
        Image("product image: no file", Expect.Message("Image"), null);
        Image("product image: empty file", Expect.Message("Image"), ("empty.png", []));
        Image("product image: the file sent as a text field", Expect.Message("Image"), null, ("Image", "not a file"));
        Image("product image: path traversal file name, text content", Expect.Message("Image"), ("../../../etc/passwd", Encoding.UTF8.GetBytes("root:x:0:0")));
        Image("product image: markup file name, text content", Expect.Message("Image"), ("<script>alert(1)<\\script>.png", Encoding.UTF8.GetBytes("text")));
        Image("product image: 1 MB alt text", Expect.Message("ImageAlt"), ("a.png", png), ("ImageAlt", Megabyte));
        Image("product image: alt text of 201 characters", Expect.Message("ImageAlt"), ("a.png", png), ("ImageAlt", new string('a', 201)));
        Image("product image: markup alt text, no file", Expect.Message("Image"), null, ("ImageAlt", Markup));
        corpus.Add("product image: without antiforgery token", Who.Admin, Expect.Error(400), (site, client) => UploadAsync(client, $"/admin/products/{site.ProductId}", ImageForm, "Image", ("a.png", png), false, []));
        Form("product image: urlencoded, no file", Who.Admin, Expect.Message("Image"), s => $"/admin/products/{s.ProductId}", ImageForm, s => $"/admin/products/{s.ProductId}/image", FormShape.UrlEncoded, ("ImageAlt", "x"));
        Form("product image: fields as JSON", Who.Admin, Expect.Error(400), s => $"/admin/products/{s.ProductId}", ImageForm, s => $"/admin/products/{s.ProductId}/image", FormShape.Json, ("ImageAlt", "x"));
        Form("product image: posted by a customer", Who.Customer, Expect.Error(403), _ => "/account", null, s => $"/admin/products/{s.ProductId}/image", FormShape.Multipart, ("ImageAlt", "x"));
        Form("product image: posted anonymously", Who.Anonymous, Expect.Redirect("/account/login"), _ => "/account/login", null, s => $"/admin/products/{s.ProductId}/image", FormShape.Multipart, ("ImageAlt", "x"));
        Post("product image: unknown product", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/999999/image", ("ImageAlt", "x"));
        Post("product image: product id not a number", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/abc/image", ("ImageAlt", "x"));
        Post("product image remove: unknown product", Who.Admin, Expect.Error(404), "/admin/products/new", _ => "/admin/products/999999/image/remove");
        Post("product image remove: posted by a customer", Who.Customer, Expect.Error(403), "/account", s => $"/admin/products/{s.ProductId}/image/remove");
        Form("product image remove: without antiforgery token", Who.Admin, Expect.Error(400), _ => "/admin/products/new", null, s => $"/admin/products/{s.ProductId}/image/remove", FormShape.NoToken);
        Method("product image remove: GET", HttpMethod.Get, s => $"/admin/products/{s.ProductId}/image/remove");
        Method("product image upload: PUT", HttpMethod.Put, s => $"/admin/products/{s.ProductId}/image");
        void ImageUrl(string name, Func<HostileStore, string> url) => corpus.Add(name, Who.Anonymous, Expect.Error(404), (site, client) => client.GetAsync(url(site)));
        ImageUrl("product image url: version not hex", s => $"/products/{s.ProductId}/images/zzzzzzzzzzzzzzzz/page.webp");
        ImageUrl("product image url: version of 1 KB", s => $"/products/{s.ProductId}/images/{new string('a', 1024)}/page.webp");
        ImageUrl("product image url: SQL version", s => $"/products/{s.ProductId}/images/'%20OR%201%3D1--/page.webp");
        ImageUrl("product image url: unknown size", s => $"/products/{s.ProductId}/images/0123456789abcdef/original.webp");
        ImageUrl("product image url: path in the size", s => $"/products/{s.ProductId}/images/0123456789abcdef/..%2F..%2Fappsettings.webp");
        ImageUrl("product image url: a product without an image", s => $"/products/{s.ProductId}/images/0123456789abcdef/card.webp");
        ImageUrl("product image url: id beyond int", _ => "/products/99999999999/images/0123456789abcdef/card.webp");
        return corpus;
    }

    /// <summary>
    /// Posts the release upload form as multipart: the page's form fields (with its antiforgery token
    /// unless <paramref name="token"/> is false), <paramref name="values"/> over them, and a file part whose
    /// name is written into the header as given.
    /// </summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string formSelector, string fileField, (string Name, byte[] Content)? file, bool token, (string Name, string? Value)[] values)
    {
        var document = await client.GetDocumentAsync(page);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No upload form on {page}.");
        var fields = Html.FormFields(form);
        fields.RemoveAll(f => values.Any(v => v.Name == f.Key) || (!token && f.Key == TokenField));
        fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Name, v.Value!)));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            var part = new StringContent(value, Encoding.UTF8);
            part.Headers.ContentType = null;
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
            content.Add(part);
        }

        if (file is { } upload)
        {
            var (fileName, bytes) = upload;
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{fileField}\"; filename=\"{fileName}\"");
            content.Add(part);
        }

        return await client.PostAsync(form.GetAttribute("action"), content);
    }
}

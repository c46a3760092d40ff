using System.Net;
using System.Text.Json;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Downloads;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;

namespace StoreSite.Tests.Resilience;

/// <summary>Two web nodes behind an imaginary load balancer, one PostgreSQL database: one site, one count, one sign-in.</summary>
public sealed class TwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const int CallsPerKey = 50;

    [Fact]
    public async Task Two_nodes_started_together_on_an_empty_database_set_the_site_up_once()
    {
        Assert.Equal(1, await nodes.Rows.ScalarAsync("""SELECT COUNT(*) FROM "SiteSettings" WHERE "Section" = 'Site'"""));
        Assert.Equal(1, await nodes.Rows.ScalarAsync($"""SELECT COUNT(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = '{TestSite.AdminEmail.ToUpperInvariant()}'"""));
        Assert.Equal(1, await nodes.Rows.ScalarAsync("""SELECT COUNT(*) FROM "Products" """));
        Assert.Equal(1, await nodes.Rows.ScalarAsync("""SELECT COUNT(*) FROM "PricingPlans" """));
        Assert.Equal(nodes.Store.Licenses.Count, await nodes.Rows.ScalarAsync("""SELECT COUNT(*) FROM "Licenses" WHERE "OrderNumber" IS NULL"""));
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            using var client = node.CreateClient();
            using var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("Process Store", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_hundred_simultaneous_new_environments_over_both_nodes_take_exactly_five_slots_per_key()
    {
        var keys = nodes.LoadKeyList;
        var calls = Enumerable.Range(0, TwoNodes.LoadKeys * CallsPerKey).Select(i => new Call(
            keys[i % TwoNodes.LoadKeys],
            (i / TwoNodes.LoadKeys) % 2 == 0 ? nodes.A : nodes.B,
            $"install-{i}.example.com",
            LoopbackClient.Address(20, i))).ToList();
        var clients = calls.Select(c => LoopbackClient.From(c.Source, c.Node.BaseAddress)).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var answers = calls.Select(async (call, i) =>
            {
                await start.Task;
                using var response = await LicensingArrange.VerifyAsync(clients[i], call.Key, call.Domain, call.Source.ToString());
                return (Call: call, Status: (int)response.StatusCode, Code: await CodeAsync(response));
            }).ToList();
            start.SetResult();
            var results = await Task.WhenAll(answers);

            Assert.Equal(TwoNodes.LoadKeys * TwoNodes.LoadMax, results.Count(r => r.Status == 200 && r.Code == "ok"));
            Assert.Equal(TwoNodes.LoadKeys * (CallsPerKey - TwoNodes.LoadMax), results.Count(r => r.Status == 403 && r.Code == "max_activations"));
            Assert.All(results, r => Assert.Contains(r.Code, new[] { "ok", "max_activations" }));
            // Which node wins the slots is a race, so no assertion on it: every call of both nodes answered ok or
            // max_activations and each key holds exactly Max, so both nodes counted from the one count.
            var licenses = await nodes.Rows.LicensesAsync();
            foreach (var key in keys)
            {
                var license = licenses.Single(l => l.Key == key);
                Assert.Equal(TwoNodes.LoadMax, license.Used);
                Assert.Equal(TwoNodes.LoadMax, license.Environments);
                var accepted = results.Where(r => r.Call.Key == key && r.Code == "ok").Select(r => (r.Call.Domain, Ip: r.Call.Source.ToString())).Order().ToList();
                Assert.Equal(accepted, (await nodes.Rows.EnvironmentsAsync(key)).Order().ToList());
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Both_nodes_publish_one_signing_key_and_sign_their_answers_with_it()
    {
        using var clientA = nodes.A.CreateClient();
        using var clientB = nodes.B.CreateClient();
        var publicKey = await VerifyApiV2Tests.PublicKeyAsync(clientA);
        Assert.Equal(publicKey, await VerifyApiV2Tests.PublicKeyAsync(clientB));

        foreach (var (client, nonce) in new[] { (clientA, "node-a-1"), (clientB, "node-b-1") })
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["license_key"] = nodes.RevokeKey, ["domain"] = "signed.example.com", ["ip"] = "203.0.113.10", ["nonce"] = nonce,
            });
            using var response = await LicensingArrange.PostAsync(client, body);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var header = Assert.Single(response.Headers.GetValues("X-License-Signature"));
            Assert.StartsWith("ed25519=", header, StringComparison.Ordinal);
            Assert.True(CP.Licensing.Keys.ResponseSigningKey.Verify(publicKey, bytes, Convert.FromBase64String(header["ed25519=".Length..])));
            using var answer = JsonDocument.Parse(bytes);
            Assert.Equal(nonce, answer.RootElement.GetProperty("nonce").GetString());
        }
    }

    [Fact]
    public async Task A_refund_on_node_A_revokes_the_key_for_the_very_next_call_on_node_B()
    {
        using var customer = await ProcessStore.SignInAsync(nodes.A, ProcessStore.CustomerEmail, TestSite.CustomerPassword);
        (await customer.AddToCartAsync(ProcessStore.ProductSlug, ProcessStore.LicensedPlan)).Dispose();
        string number;
        using (var checkout = await customer.CheckoutAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
            number = checkout.Headers.Location!.OriginalString["/checkout/done/".Length..];
        }

        var key = (await nodes.Rows.LicensesAsync()).Single(l => l.OrderNumber == number).Key;
        using var product = LoopbackClient.From(LoopbackClient.Address(21, 0), nodes.B.BaseAddress);
        using (var before = await LicensingArrange.VerifyAsync(product, key, "shop.example.com"))
        {
            await LicensingArrange.AssertValidAsync(before);
        }

        using var admin = await ProcessStore.SignInAsync(nodes.A, TestSite.AdminEmail, TestSite.AdminPassword);
        using (var refund = await admin.SubmitFormAsync($"/admin/orders/{number}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Customer asked" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        }

        using var after = await LicensingArrange.VerifyAsync(product, key, "shop.example.com");
        await LicensingArrange.AssertFailureAsync(after, 403, "License has been revoked.", "revoked");
        Assert.Equal("Refunded", (await nodes.Rows.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task Revoking_a_key_in_the_admin_of_node_A_answers_revoked_on_the_very_next_call_on_node_B()
    {
        var id = (await nodes.Rows.LicensesAsync()).Single(l => l.Key == nodes.RevokeKey).Id;
        using var product = LoopbackClient.From(LoopbackClient.Address(21, 1), nodes.B.BaseAddress);
        using (var before = await LicensingArrange.VerifyAsync(product, nodes.RevokeKey, "revoke.example.com"))
        {
            await LicensingArrange.AssertValidAsync(before);
        }

        using var admin = await ProcessStore.SignInAsync(nodes.A, TestSite.AdminEmail, TestSite.AdminPassword);
        using (var revoke = await admin.SubmitFormAsync($"/admin/licenses/{id}/revoke", "form.revoke-form", new Dictionary<string, string> { ["Reason"] = "Chargeback" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }

        using var after = await LicensingArrange.VerifyAsync(product, nodes.RevokeKey, "revoke.example.com");
        await LicensingArrange.AssertFailureAsync(after, 403, "License has been revoked.", "revoked");
    }

    [Theory]
    [InlineData("A", "B")]
    [InlineData("B", "A")]
    public async Task A_sign_in_cookie_from_one_node_is_accepted_by_the_other(string signInNode, string useNode)
    {
        var from = signInNode == "A" ? nodes.A : nodes.B;
        var to = useNode == "A" ? nodes.A : nodes.B;
        var cookies = new CookieContainer();
        using (var browser = from.CreateClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }))
        using (var signIn = await browser.SubmitFormAsync("/account/login", "form[action='/account/login']", new Dictionary<string, string>
        {
            ["Email"] = ProcessStore.CustomerEmail,
            ["Password"] = TestSite.CustomerPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var auth = cookies.GetCookies(from.BaseAddress)[".StoreSite.Auth"];
        Assert.NotNull(auth);
        using var other = to.CreateClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using (var anonymous = await other.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", $"{auth.Name}={auth.Value}");
        using var account = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains(ProcessStore.CustomerEmail, await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [S3Fact]
    public async Task A_release_uploaded_on_node_A_is_downloaded_from_node_B_out_of_the_shared_bucket()
    {
        var content = ReleasePages.Bytes(300_000, seed: 41);
        var productId = (int)await nodes.Rows.ScalarAsync($"""SELECT "Id" FROM "Products" WHERE "Slug" = '{ProcessStore.ProductSlug}'""");
        using var admin = await ProcessStore.SignInAsync(nodes.A, TestSite.AdminEmail, TestSite.AdminPassword);
        using (var upload = await ReleasePages.UploadAsync(admin, productId, "7.1.0", content, fileName: "gallery-pro-7.1.0.zip"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        using var buyer = await ProcessStore.SignInAsync(nodes.A, ProcessStore.CustomerEmail, TestSite.CustomerPassword);
        (await buyer.AddToCartAsync(ProcessStore.ProductSlug, ProcessStore.LicensedPlan)).Dispose();
        (await buyer.CheckoutAsync()).Dispose();
        using var onB = await ProcessStore.SignInAsync(nodes.B, ProcessStore.CustomerEmail, TestSite.CustomerPassword);
        var downloads = await onB.GetDocumentAsync("/account/downloads");
        Assert.Contains("7.1.0", downloads.Text("section.product-downloads .latest-release"), StringComparison.Ordinal);
        var href = downloads.QuerySelector("section.product-downloads .latest-release a.download-link")!.GetAttribute("href")!;
        using var anonymous = ProcessStore.Browser(nodes.B);
        using var file = await anonymous.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(content, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("gallery-pro-7.1.0.zip", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var stored = await nodes.Rows.TextAsync("""SELECT "StoredName" FROM "Releases" WHERE "Version" = '7.1.0'""");
        Assert.Equal(content, await File.ReadAllBytesAsync(S3Server.ObjectPath(nodes.Files!.Bucket!, stored)));
        Assert.False(Directory.Exists(Path.Combine(nodes.Store.AppData("node-a"), "files", "releases")), "node A kept the file on its own disk");
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("valid").GetBoolean() ? "ok" : body.RootElement.GetProperty("code").GetString() ?? "?";
    }

    private sealed record Call(string Key, ServerProcess Node, string Domain, IPAddress Source);
}

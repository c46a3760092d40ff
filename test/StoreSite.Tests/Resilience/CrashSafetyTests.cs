using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using StoreSite.Tests.Commerce;
using StoreSite.Tests.Infrastructure;
using StoreSite.Tests.Licensing;
using Xunit.Abstractions;

namespace StoreSite.Tests.Resilience;

/// <summary>
/// StoreSite.Web on SQLite killed with SIGKILL in the middle of work, then restarted on the same
/// App_Data: what it answered before the crash is what it has after, the counts add up, and the
/// database file is sound.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int MaxCalls = 1200;
    private const int KillAfterAnswers = 150;

    [Fact]
    public async Task A_verify_load_killed_mid_way_keeps_every_answered_activation_and_exact_counts()
    {
        using var store = ProcessStore.Create(20, 40, 40, 0);
        var server = await ServerProcess.StartAsync(store.Environment("node"));
        var rows = StoreRows.Sqlite(store.AppData("node"));
        var answers = new ConcurrentBag<Answer>();
        try
        {
            // Workers send new environments (a new domain from a new IP every call) until the process dies.
            var next = -1;
            var answered = 0;
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < MaxCalls && !server.HasExited)
                {
                    var (key, _) = store.Licenses[i % store.Licenses.Count];
                    var source = LoopbackClient.Address(30, i);
                    var domain = $"crash-{i}.example.com";
                    using var client = LoopbackClient.From(source, server.BaseAddress);
                    try
                    {
                        using var response = await LicensingArrange.VerifyAsync(client, key, domain, source.ToString());
                        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                        answers.Add(new Answer(key, domain, source, (int)response.StatusCode, body.GetProperty("valid").GetBoolean()));
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
                    {
                        return;
                    }

                    if (Interlocked.Increment(ref answered) == KillAfterAnswers)
                    {
                        server.Kill();
                    }
                }
            })));
            Assert.True(server.HasExited, "The load ended before the kill.");

            // The file as the crash left it.
            Assert.Equal("ok", await rows.IntegrityCheckAsync());
            var valid = answers.Where(a => a.Valid).ToList();
            output.WriteLine($"{answers.Count} answers before the kill: {valid.Count} valid, {answers.Count(a => a.Status == 403)} max activations.");
            Assert.All(answers, a => Assert.True(a.Valid ? a.Status == 200 : a.Status == 403, $"{a.Domain}: {a.Status}"));
            var before = await AssertCountsAsync(rows, store);
            foreach (var a in valid)
            {
                Assert.Contains((a.Domain, a.Source.ToString()), await rows.EnvironmentsAsync(a.Key));
            }

            // Restarted: every answered environment is a match that uses no slot.
            var restarted = await server.RestartLikeAsync();
            await server.DisposeAsync();
            server = restarted;
            foreach (var a in valid)
            {
                using var client = LoopbackClient.From(a.Source, server.BaseAddress);
                using var again = await LicensingArrange.VerifyAsync(client, a.Key, a.Domain, a.Source.ToString());
                await LicensingArrange.AssertValidAsync(again);
            }

            var after = await AssertCountsAsync(rows, store);
            Assert.Equal(before, after);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Refunds_killed_mid_way_leave_each_order_refunded_with_revoked_keys_or_paid_or_finishable()
    {
        using var store = ProcessStore.Create();
        var server = await ServerProcess.StartAsync(store.Environment("node"));
        var rows = StoreRows.Sqlite(store.AppData("node"));
        var states = new List<string>();
        try
        {
            // One refund without a crash: how long one takes here, to aim the kills.
            var (customer, admin) = await SignInBothAsync(server);
            var warmUp = await BuyAsync(customer, 1);
            var timer = Stopwatch.StartNew();
            using (var refunded = await admin.SubmitFormAsync($"/admin/orders/{warmUp[0]}/refund", "form.refund-form", new Dictionary<string, string> { ["Reason"] = "Warm-up" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, refunded.StatusCode);
            }

            var refundTime = timer.Elapsed;
            output.WriteLine($"One refund (with its page) takes {refundTime.TotalMilliseconds:F0} ms.");

            foreach (var killAt in new[] { 0.6, 1.2 })
            {
                var orders = await BuyAsync(customer, 8);
                var forms = new List<(string Number, FormUrlEncodedContent Form)>();
                foreach (var number in orders)
                {
                    var page = await admin.GetDocumentAsync($"/admin/orders/{number}/refund");
                    var fields = Html.FormFields((IHtmlFormElement)page.QuerySelector("form.refund-form")!);
                    fields.RemoveAll(f => f.Key == "Reason");
                    fields.Add(new("Reason", "Crash test"));
                    forms.Add((number, new FormUrlEncodedContent(fields)));
                }

                // The refunds start one after another; the process dies while some are under way.
                var stagger = refundTime / 12;
                var started = Stopwatch.StartNew();
                var posts = forms.Select(async (f, j) =>
                {
                    await Task.Delay(stagger * j);
                    try
                    {
                        using var response = await admin.PostAsync($"/admin/orders/{f.Number}/refund", f.Form);
                        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                        return (f.Number, Answered: true);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                    {
                        return (f.Number, Answered: false);
                    }
                }).ToList();
                await Task.Delay(refundTime * killAt);
                server.Kill();
                output.WriteLine($"Killed {started.Elapsed.TotalMilliseconds:F0} ms after the first refund started.");
                var sent = await Task.WhenAll(posts);

                Assert.Equal("ok", await rows.IntegrityCheckAsync());
                var restarted = await server.RestartLikeAsync();
                await server.DisposeAsync();
                server = restarted;
                customer.Dispose();
                admin.Dispose();
                (customer, admin) = await SignInBothAsync(server);
                foreach (var (number, answered) in sent)
                {
                    states.Add(await AssertRecoverableAsync(rows, admin, number, answered));
                }
            }

            output.WriteLine("Orders after the crashes: " + string.Join(", ", states.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}")));
            customer.Dispose();
            admin.Dispose();
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Checks an order after a crash; a RefundPending order is finished through the admin. Returns the state found.</summary>
    private static async Task<string> AssertRecoverableAsync(StoreRows rows, HttpClient admin, string number, bool answered)
    {
        var (status, providerRefunds) = await rows.OrderAsync(number);
        var keys = (await rows.LicensesAsync()).Where(l => l.OrderNumber == number).ToList();
        Assert.Equal(2, keys.Count);
        switch (status)
        {
            case "Refunded":
                Assert.All(keys, k => Assert.True(k.Revoked, $"Refunded order {number} has an active key."));
                Assert.Equal(1, providerRefunds);
                break;
            case "Paid":
                Assert.False(answered, $"The refund of {number} was answered before the crash but the order is Paid.");
                Assert.All(keys, k => Assert.False(k.Revoked, $"Paid order {number} has a revoked key."));
                Assert.Equal(0, providerRefunds);
                break;
            case "RefundPending":
                Assert.False(answered, $"The refund of {number} was answered before the crash but the order is RefundPending.");
                Assert.All(keys, k => Assert.False(k.Revoked, $"RefundPending order {number} has a revoked key."));
                using (var finish = await admin.SubmitFormAsync($"/admin/orders/{number}", $"form[action='/admin/orders/{number}/finish-refund']", new Dictionary<string, string>()))
                {
                    Assert.Equal(HttpStatusCode.Redirect, finish.StatusCode);
                }

                var (finished, refundsAfter) = await rows.OrderAsync(number);
                Assert.Equal("Refunded", finished);
                Assert.Equal(1, refundsAfter);
                Assert.All((await rows.LicensesAsync()).Where(l => l.OrderNumber == number), k => Assert.True(k.Revoked, $"Finished order {number} has an active key."));
                break;
            default:
                Assert.Fail($"Order {number} is {status} after the crash.");
                break;
        }

        return status;
    }

    /// <summary>Every key: Activations Used equals its environments and never passes Max. Returns the counts.</summary>
    private static async Task<string> AssertCountsAsync(StoreRows rows, ProcessStore store)
    {
        var licenses = await rows.LicensesAsync();
        Assert.Equal(store.Licenses.Count, licenses.Count);
        foreach (var license in licenses)
        {
            Assert.Equal(license.Environments, license.Used);
            Assert.True(license.Max == 0 || license.Used <= license.Max, $"{license.Key}: {license.Used} of {license.Max}");
        }

        return string.Join(", ", licenses.Select(l => $"{l.Used}/{l.Max}"));
    }

    private static async Task<(HttpClient Customer, HttpClient Admin)> SignInBothAsync(ServerProcess server) =>
        (await ProcessStore.SignInAsync(server, ProcessStore.CustomerEmail, TestSite.CustomerPassword),
         await ProcessStore.SignInAsync(server, TestSite.AdminEmail, TestSite.AdminPassword));

    /// <summary>Checks out <paramref name="count"/> orders of two licensed units each; returns their numbers.</summary>
    private static async Task<List<string>> BuyAsync(HttpClient customer, int count)
    {
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            (await customer.AddToCartAsync(ProcessStore.ProductSlug, ProcessStore.LicensedPlan, 2)).Dispose();
            using var checkout = await customer.CheckoutAsync();
            Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
            numbers.Add(checkout.Headers.Location!.OriginalString["/checkout/done/".Length..]);
        }

        return numbers;
    }

    private sealed record Answer(string Key, string Domain, IPAddress Source, int Status, bool Valid);
}

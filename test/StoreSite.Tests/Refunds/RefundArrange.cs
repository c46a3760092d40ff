using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Refunds;

/// <summary>The admin's refund form, posted with chosen lines ticked.</summary>
internal static class RefundArrange
{
    public static Task<HttpResponseMessage> PostLinesAsync(HttpClient admin, IDocument page, string reason, params int[] lines) =>
        PostLinesAsync(admin, page, reason, [.. lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>The refund form as a browser sends it, with exactly <paramref name="lines"/> ticked.</summary>
    public static async Task<HttpResponseMessage> PostLinesAsync(HttpClient admin, IDocument page, string reason, string[] lines)
    {
        var form = (IHtmlFormElement)page.QuerySelector("form.refund-form")!;
        var fields = Html.FormFields(form).Where(f => f.Key is not "Lines" and not "Reason").ToList();
        fields.AddRange(lines.Select(l => new KeyValuePair<string, string>("Lines", l)));
        fields.Add(new("Reason", reason));
        using var content = new FormUrlEncodedContent(fields);
        return await admin.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>Opens order <paramref name="number"/>'s refund page and refunds exactly <paramref name="lines"/>.</summary>
    public static async Task<HttpResponseMessage> RefundLinesAsync(HttpClient admin, string number, string reason, params int[] lines) =>
        await PostLinesAsync(admin, await admin.GetDocumentAsync($"/admin/orders/{number}/refund"), reason, lines);
}

using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace StoreSite.Tests.Infrastructure;

/// <summary>Reads pages with AngleSharp and submits their forms like a browser would.</summary>
public static class Html
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Browser.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>GETs a page and parses it; fails unless it answers 200.</summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return await ParseAsync(response);
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, takes the form matching <paramref name="formSelector"/> with all
    /// its current values (antiforgery token included), overrides <paramref name="values"/>, and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string formSelector, IDictionary<string, string> values)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitFormAsync(page, formSelector, values);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IDocument page, string formSelector, IDictionary<string, string> values)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}. Forms: {string.Join(", ", page.QuerySelectorAll("form").Select(f => f.GetAttribute("action")))}");
        var fields = FormFields(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new KeyValuePair<string, string>(name, value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>The values a browser would send for the form (unchecked boxes and buttons left out).</summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "file":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var option = select.SelectedOptions.FirstOrDefault() ?? select.Options.FirstOrDefault();
                    if (option is not null)
                    {
                        fields.Add(new(name, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(IDocument page) =>
        page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}");

    /// <summary>Validation and notice texts of a response, for failure messages.</summary>
    public static async Task<string> MessagesAsync(HttpResponseMessage response)
    {
        var page = await ParseAsync(response);
        return string.Join(" | ", page.QuerySelectorAll(".field-error, .validation-summary li, .notice").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    /// <summary>The message shown next to a form field (<c>asp-validation-for</c>).</summary>
    public static string FieldError(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? string.Empty;
}

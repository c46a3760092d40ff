using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace StoreSite.Tests.Host.Support;

/// <summary>Ticks boxes on a parsed page before its form is submitted, like a user would.</summary>
public static class FormPage
{
    /// <summary>Sets exactly the checked boxes named <paramref name="name"/> inside <paramref name="formSelector"/>.</summary>
    public static IDocument Tick(this IDocument page, string formSelector, string name, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(page);
        var boxes = page.QuerySelectorAll($"{formSelector} input[type='checkbox'][name='{name}']").OfType<IHtmlInputElement>().ToList();
        foreach (var value in values)
        {
            Assert.Contains(value, boxes.Select(b => b.Value));
        }

        foreach (var box in boxes)
        {
            box.IsChecked = values.Contains(box.Value, StringComparer.Ordinal);
        }

        return page;
    }
}

using System.Globalization;
using AngleSharp.Dom;

namespace StoreSite.Tests.Commerce;

/// <summary>Reads a dashboard chart (the host's <c>_DailyChart</c> partial) as a user and a screen reader get it.</summary>
public sealed record ChartReader(IElement Figure)
{
    public static ChartReader Of(IDocument page, string kind) =>
        new(page.QuerySelector($"figure.chart[data-chart='{kind}']") ?? throw new InvalidOperationException($"No chart {kind} on {page.Url}"));

    /// <summary>The SVG's bars: the day each is for and the value it is drawn by, in order.</summary>
    public IReadOnlyList<(string Day, decimal Value, double Height)> Bars =>
        Figure.QuerySelectorAll("svg rect.chart-bar").Select(r => (
            r.GetAttribute("data-day")!,
            decimal.Parse(r.GetAttribute("data-value")!, CultureInfo.InvariantCulture),
            double.Parse(r.GetAttribute("height")!, CultureInfo.InvariantCulture))).ToList();

    /// <summary>The table's rows: day and figure as written.</summary>
    public IReadOnlyList<(string Day, string Text)> Rows =>
        Figure.QuerySelectorAll("table.chart-table tbody tr").Select(tr => (tr.Children[0].TextContent.Trim(), tr.Children[1].TextContent.Trim())).ToList();

    public string TableText(string day) => Rows.Single(r => r.Day == day).Text;

    public string Total => Figure.QuerySelector(".chart-total")!.TextContent.Trim();

    public string Label => Figure.QuerySelector("svg")!.GetAttribute("aria-label")!;

    /// <summary>The days with something, as the table writes them.</summary>
    public IReadOnlyDictionary<string, string> NonZero(string zero) => Rows.Where(r => r.Text != zero).ToDictionary(r => r.Day, r => r.Text);
}

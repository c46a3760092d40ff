using System.Globalization;

namespace StoreSite.Charts;

/// <summary>
/// A bar chart of one figure per day, drawn by the host's <c>_DailyChart</c> partial as SVG (no
/// script, no inline style: the strict CSP holds) with a table of the same figures. Modules build it
/// from their own queries; the geometry is here so every chart is drawn alike.
/// </summary>
/// <param name="Name">What is counted, used as the chart's label and the table's caption, e.g. <c>Revenue (USD)</c>.</param>
/// <param name="Kind">A short stable name the page marks the chart with (<c>data-chart</c>), e.g. <c>revenue-usd</c>.</param>
/// <param name="Figures">One per day, oldest first.</param>
/// <param name="TotalText">The sum over the days, as the page writes it.</param>
public sealed record DailyChart(string Name, string Kind, IReadOnlyList<DailyFigure> Figures, string TotalText)
{
    /// <summary>The SVG's coordinate width (it is stretched to the card's width).</summary>
    public const int Width = 300;

    /// <summary>The SVG's coordinate height.</summary>
    public const int Height = 100;

    /// <summary>The largest figure (the top of the scale); 0 when every day is 0.</summary>
    public decimal Max => Figures.Count == 0 ? 0 : Figures.Max(f => f.Value);

    /// <summary>The figure the page writes at the top of the scale.</summary>
    public string MaxText => Figures.Count == 0 ? "0" : Figures.MaxBy(f => f.Value)!.Text;

    /// <summary>The width of one day's slot.</summary>
    public double Slot => Figures.Count == 0 ? Width : (double)Width / Figures.Count;

    /// <summary>The left edge of bar <paramref name="index"/> (a fifth of its slot is the gap).</summary>
    public string BarX(int index) => Coordinate((index * Slot) + (Slot * 0.1));

    public string BarWidth => Coordinate(Slot * 0.8);

    /// <summary>The bar's height: its share of <see cref="Max"/>; a day with something but too little to see gets a sliver.</summary>
    public double BarHeight(int index)
    {
        var value = Figures[index].Value;
        if (value <= 0 || Max <= 0)
        {
            return 0;
        }

        return Math.Max(1, (double)(value / Max) * Height);
    }

    public string BarY(int index) => Coordinate(Height - BarHeight(index));

    public string BarHeightText(int index) => Coordinate(BarHeight(index));

    /// <summary>What the SVG says as one image: the name, the period and the total.</summary>
    public string Summary => Figures.Count == 0
        ? Name
        : string.Create(CultureInfo.InvariantCulture, $"{Name}, {Figures[0].Day:yyyy-MM-dd} to {Figures[^1].Day:yyyy-MM-dd}: {TotalText} in all, at most {MaxText} a day");

    private static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}

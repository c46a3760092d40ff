namespace StoreSite.Charts;

/// <summary>One day's figure of a chart: the value it is drawn by, and how the page writes it (<c>1,059.97 USD</c>, <c>3</c>).</summary>
public sealed record DailyFigure(DateOnly Day, decimal Value, string Text);

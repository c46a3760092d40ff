namespace CP.Commerce.Services;

/// <summary>A product's summary as it is stored: plain text on one line (line breaks and runs of white space become one space), trimmed.</summary>
public static class ProductSummaryText
{
    public static string Clean(string? summary) =>
        string.IsNullOrWhiteSpace(summary) ? string.Empty : string.Join(' ', summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

namespace StoreSite.Text;

/// <summary>Renders Markdown written by the store's staff (product descriptions, release notes) to safe HTML: raw HTML disabled, output sanitized.</summary>
public interface IMarkdownRenderer
{
    /// <summary>The HTML of <paramref name="markdown"/>; empty for null or blank text.</summary>
    string ToHtml(string? markdown);
}

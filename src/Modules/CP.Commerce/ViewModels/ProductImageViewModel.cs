namespace CP.Commerce.ViewModels;

/// <summary>A product image as pages show it: both renditions' URLs and sizes (for <c>srcset</c>, <c>width</c> and <c>height</c>) and its text alternative.</summary>
public sealed record ProductImageViewModel(string CardUrl, int CardWidth, int CardHeight, string PageUrl, int PageWidth, int PageHeight, string Alt)
{
    /// <summary>The <c>srcset</c> of both renditions.</summary>
    public string SourceSet => $"{CardUrl} {CardWidth}w, {PageUrl} {PageWidth}w";
}

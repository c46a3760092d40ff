namespace CP.Commerce.Services;

/// <summary>
/// Why <see cref="ProductWriter"/> refused to save a product (<see cref="StoreSite.Outcome.Problem"/> codes);
/// the words are the web layer's (<c>Controllers/ProductMessages</c>).
/// </summary>
public static class ProductProblems
{
    /// <summary>Another product uses the slug (field <c>Slug</c>).</summary>
    public const string SlugTaken = "slug_taken";
}

namespace CP.Commerce.Admin;

/// <summary>
/// A module's link on the admin product page (<c>/admin/products/{id}</c>), e.g. downloads links the
/// product's releases. The link is a named route taking the product's <c>id</c>; commerce never
/// knows the module's pages.
/// </summary>
public interface IProductAdminLink
{
    /// <summary>The link's words, e.g. "Releases".</summary>
    string Text { get; }

    /// <summary>A named route whose only value is the product's <c>id</c>.</summary>
    string RouteName { get; }
}

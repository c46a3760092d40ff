namespace StoreSite.Widgets;

/// <summary>The named zones the host's pages render.</summary>
public static class Zones
{
    /// <summary>The customer's <c>/account</c> dashboard.</summary>
    public const string AccountDashboard = "AccountDashboard";

    /// <summary>The admin dashboard at <c>/admin</c>.</summary>
    public const string AdminDashboard = "AdminDashboard";

    /// <summary>Admin -> Settings, below the site's own settings form (each widget brings its own form).</summary>
    public const string AdminSettings = "AdminSettings";

    /// <summary>Links in the storefront header (e.g. Products, Cart).</summary>
    public const string HeaderNavigation = "HeaderNavigation";

    /// <summary>The storefront home page, below its welcome (e.g. the products on sale).</summary>
    public const string HomeContent = "HomeContent";
}

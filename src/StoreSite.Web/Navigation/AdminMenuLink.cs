namespace StoreSite.Web.Navigation;

/// <summary>A visible admin menu entry with its link built from the item's route; <see cref="Active"/> marks the page shown now.</summary>
public sealed record AdminMenuLink(string Label, string Url, bool Active);

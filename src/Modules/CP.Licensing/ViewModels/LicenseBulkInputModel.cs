namespace CP.Licensing.ViewModels;

/// <summary>
/// The bulk form of the Licenses list: the chosen rows (<c>ids</c>) or every license of the filter
/// (<c>all=true</c> with <c>q</c>, <c>status</c>, <c>sort</c>, <c>usage</c>), the action and its reason.
/// </summary>
public sealed class LicenseBulkInputModel
{
    public List<int> Ids { get; set; } = [];

    public bool All { get; set; }

    public string? Action { get; set; }

    public string? Reason { get; set; }

    public string? Q { get; set; }

    public string? Status { get; set; }

    public string? Sort { get; set; }

    public string? Usage { get; set; }
}

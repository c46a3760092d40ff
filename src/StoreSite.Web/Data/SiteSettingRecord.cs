namespace StoreSite.Web.Data;

/// <summary>One section of site settings as JSON. The row of section <c>Site</c> exists once the site is set up.</summary>
public sealed class SiteSettingRecord
{
    public required string Section { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

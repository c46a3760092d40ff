namespace StoreSite.Web.Data;

/// <summary>Whether a module is enabled on this site. A module without a row is disabled.</summary>
public sealed class ModuleStateRecord
{
    public required string ModuleId { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}

namespace StoreSite.Web.Data;

/// <summary>A Data Protection key (XML), shared by every web node through the database.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }
}

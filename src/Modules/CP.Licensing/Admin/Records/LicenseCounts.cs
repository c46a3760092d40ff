namespace CP.Licensing.Admin.Records;

/// <summary>How many licenses are in each status today.</summary>
public sealed record LicenseCounts(int Active, int Expired, int Revoked, int Suspended = 0)
{
    public int Total => Active + Expired + Revoked + Suspended;
}

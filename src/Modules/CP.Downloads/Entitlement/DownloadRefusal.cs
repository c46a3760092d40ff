namespace CP.Downloads.Entitlement;

/// <summary>Why a download link's grant no longer entitles to its release (<see cref="None"/>: it does).</summary>
public enum DownloadRefusal
{
    None,
    NotEntitled,
    Revoked,
    Suspended,
}

namespace CP.Downloads;

/// <summary>The <c>StoreSite:Downloads</c> settings, validated at start (a bad value fails the start, naming the setting).</summary>
public sealed class DownloadsOptions
{
    public const string Section = "StoreSite:Downloads";

    public const string PermitPerMinuteSetting = Section + ":" + nameof(PermitPerMinute);

    public const int DefaultPermitPerMinute = 60;

    /// <summary>Download link requests per client address per minute (<see cref="Links.DownloadRateLimitPolicy"/>); at least 1.</summary>
    public int PermitPerMinute { get; set; } = DefaultPermitPerMinute;
}

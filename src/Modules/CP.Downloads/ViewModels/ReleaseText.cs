using System.Globalization;

namespace CP.Downloads.ViewModels;

/// <summary>How release facts read on the pages.</summary>
public static class ReleaseText
{
    /// <summary>A file size in bytes, KB, MB or GB (powers of 1024).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024 * 1024):0.##} GB"),
    };

    /// <summary>A day as the licensing pages write it, e.g. <c>2026-03-01</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A download count, e.g. <c>1 download</c>, <c>1,204 downloads</c>.</summary>
    public static string Downloads(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? "download" : "downloads")}");

    /// <summary>What deleting a release takes with it, for the confirmation.</summary>
    public static string DeleteConfirmation(string version, int downloads) => downloads switch
    {
        0 => $"Delete release {version} and its file? It was never downloaded.",
        1 => $"Delete release {version} and its file? It was downloaded once; its download log goes with it.",
        _ => string.Create(CultureInfo.InvariantCulture, $"Delete release {version} and its file? It was downloaded {downloads:N0} times; its download log goes with it."),
    };

    /// <summary>What a download served: the whole file or a part of it (a resumed download).</summary>
    public static string DownloadPart(CP.Downloads.Models.Download download)
    {
        ArgumentNullException.ThrowIfNull(download);
        return download.IsPartial ? $"Part ({Size(download.Bytes)})" : "Whole file";
    }
}

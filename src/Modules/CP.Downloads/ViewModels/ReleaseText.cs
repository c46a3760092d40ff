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
}

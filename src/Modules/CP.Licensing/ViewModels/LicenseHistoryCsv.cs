using System.Globalization;
using CP.Licensing.Admin.Records;
using CsvHelper;

namespace CP.Licensing.ViewModels;

/// <summary>
/// Writes license history as CSV, as <see cref="LicenseCsv"/> writes the list (RFC 4180, UTF-8 with a
/// byte order mark, formula cells escaped, times UTC ISO 8601): one row per history entry, the key's
/// entries oldest first, streamed as the rows come from the database. One key's history (its admin
/// page) or every entry of the licenses a list filter matches.
/// </summary>
public static class LicenseHistoryCsv
{
    public static readonly string[] Header = ["License Key", "At (UTC)", "What", "Who", "Detail"];

    public static string FileName(DateOnly today) => $"license-history-{LicenseText.Date(today)}.csv";

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<LicenseHistoryExportRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Key);
            csv.WriteField(row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(LicenseText.EventKind(row.Kind));
            csv.WriteField(row.Actor);
            csv.WriteField(row.Detail);
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}

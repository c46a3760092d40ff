using System.Globalization;
using CP.Licensing.Admin.Records;
using CP.Licensing.Models;
using CsvHelper;

namespace CP.Licensing.ViewModels;

/// <summary>
/// Writes the admin Licenses list as CSV (RFC 4180, UTF-8 with a byte order mark for spreadsheets),
/// one row per license, streamed as the rows come from the database. A number or date column holds
/// only numbers or dates: a lifetime key has an empty Expiry and <c>true</c> in Lifetime, an
/// unlimited one an empty Max Activations and <c>true</c> in Unlimited. Status reads as on the page
/// (Active/Expired/Revoked); times are UTC, ISO 8601; the Environments column
/// holds the allow-list as <c>domain (ip)</c> entries joined by <c>"; "</c>. Cells that a spreadsheet
/// would run as a formula are escaped.
/// </summary>
public static class LicenseCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string EnvironmentSeparator = "; ";

    public static readonly string[] Header =
    [
        "License Key", "Customer", "Product", "Order", "Issued (UTC)", "Expiry", "Lifetime", "Max Activations", "Unlimited",
        "Activations Used",
        "Match", "Status", "Revoked At (UTC)", "Revoked By", "Revocation Reason", "Environments",
    ];

    public static string FileName(DateOnly today) => $"licenses-{LicenseText.Date(today)}.csv";

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<LicenseExportRow> rows, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Key);
            csv.WriteField(row.CustomerEmail);
            csv.WriteField(row.ProductName);
            csv.WriteField(row.OrderNumber ?? string.Empty);
            csv.WriteField(Utc(row.IssuedAt));
            csv.WriteField(row.ExpiresOn is { } expiresOn ? LicenseText.Date(expiresOn) : string.Empty);
            csv.WriteField(Flag(row.ExpiresOn is null));
            csv.WriteField(row.MaxActivations == 0 ? string.Empty : row.MaxActivations.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Flag(row.MaxActivations == 0));
            csv.WriteField(row.ActivationsUsed.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(LicenseText.MatchRule(row.MatchBy));
            csv.WriteField(LicenseText.Status(License.Status(row.RevokedAt is not null, row.SuspendedAt is not null, row.ExpiresOn, today)));
            csv.WriteField(row.RevokedAt is { } revokedAt ? Utc(revokedAt) : string.Empty);
            csv.WriteField(row.RevokedBy ?? string.Empty);
            csv.WriteField(row.RevocationReason ?? string.Empty);
            csv.WriteField(string.Join(EnvironmentSeparator, row.Environments.Select(e => e.Development ? $"{e.Domain} ({e.Ip}) (development)" : $"{e.Domain} ({e.Ip})")));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

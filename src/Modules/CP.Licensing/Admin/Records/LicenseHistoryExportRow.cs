using CP.Licensing.Models;

namespace CP.Licensing.Admin.Records;

/// <summary>One history entry as the history CSV export writes it, with its license's key.</summary>
public sealed record LicenseHistoryExportRow(string Key, DateTimeOffset At, LicenseEventKind Kind, string Actor, string Detail);

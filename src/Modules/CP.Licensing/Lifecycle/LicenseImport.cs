using System.Data.Common;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// A bulk import in progress (<see cref="LicenseIssuer.BeginImportAsync"/>): licenses are added one
/// by one and written <see cref="BatchSize"/> at a time, each table's rows by one INSERT … SELECT
/// of a JSON parameter (<see cref="JsonRowSet"/>), in the caller's transaction, with their
/// environments and their Imported (Revoked, Suspended) events; nothing is held but the batch. The
/// unique index on the key judges duplicates: a batch's license whose key is already on the site,
/// or earlier in the import, is not written and comes back as refused (the caller stops, and the
/// transaction rolls back). Activations Used is the number of imported environments; a revoked or
/// suspended entry is so by the import's actor.
/// </summary>
public sealed class LicenseImport : IAsyncDisposable
{
    /// <summary>Licenses per statement.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// SQLite's page cache for the import's connection, in KiB (its default is 2 MiB): the key's
    /// index and the five key-group indexes take each new key at a random place, and at a million
    /// keys their pages (some 150 MB) no longer fit, so every row read pages back and spilled
    /// others. Set back when the import ends.
    /// </summary>
    public const int SqliteCacheKib = 128 * 1024;

    private readonly SiteTransaction _transaction;
    private readonly LicenseKeyMaterial _material;
    private readonly Action<int> _completed;
    private readonly JsonRowSet _licenseRows;
    private readonly JsonRowSet _activationRows;
    private readonly JsonRowSet _eventRows;
    private readonly DbCommand _insertLicenses;
    private readonly DbCommand _insertActivations;
    private readonly DbCommand _insertEvents;
    private readonly List<(ImportedLicense License, string Key, int Number)> _pending = new(BatchSize);
    private readonly Dictionary<string, int> _ids = new(BatchSize, StringComparer.Ordinal);

    private readonly SiteDatabase _database;
    private long? _cacheBefore;

    internal LicenseImport(SiteDatabase database, SiteTransaction transaction, LicenseKeyMaterial material, DateTimeOffset now, string actor, Action<int> completed)
    {
        _database = database;
        _transaction = transaction;
        _material = material;
        _completed = completed;
        var provider = database.Provider;
        _licenseRows = new JsonRowSet(provider);
        _activationRows = new JsonRowSet(provider);
        _eventRows = new JsonRowSet(provider);
        _insertLicenses = database.CreateCommand(LicenseSql.ImportLicenses(provider));
        _insertLicenses.AddParameter("@rows", string.Empty);
        _insertLicenses.AddParameter("@now", now);
        _insertLicenses.AddParameter("@actor", actor);
        _insertLicenses.AddParameter("@revokedReason", LicenseIssuer.ImportedRevokedReason);
        _insertLicenses.AddParameter("@suspendedReason", LicenseIssuer.ImportedSuspendedReason);
        _insertActivations = database.CreateCommand(LicenseSql.ImportActivations(provider));
        _insertActivations.AddParameter("@rows", string.Empty);
        _insertActivations.AddParameter("@now", now);
        _insertEvents = database.CreateCommand(LicenseSql.ImportEvents(provider));
        _insertEvents.AddParameter("@rows", string.Empty);
        _insertEvents.AddParameter("@now", now);
        _insertEvents.AddParameter("@actor", actor);
    }

    /// <summary>Widens SQLite's page cache for the import (see <see cref="SqliteCacheKib"/>).</summary>
    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var command = _database.CreateCommand("PRAGMA cache_size");
        _cacheBefore = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA cache_size = -{SqliteCacheKib}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Licenses written so far.</summary>
    public int Imported { get; private set; }

    /// <summary>
    /// Adds a license, <paramref name="number"/> being its place in the import (0-based); writes the
    /// batch when it is full. Returns the first license of the batch the database refused, or null.
    /// </summary>
    public async Task<RefusedLicense?> AddAsync(ImportedLicense license, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(license);
        var key = license.Key ?? _material.Generate();
        var row = _licenseRows.StartRow();
        row.WriteStringValue(key);
        row.WriteStringValue(license.CustomerId);
        row.WriteStringValue(Truncate(license.CustomerEmail, LicenseConfiguration.EmailMaxLength));
        row.WriteStringValue(license.ProductName);
        if (license.ProductId is { } productId)
        {
            row.WriteNumberValue(productId);
        }
        else
        {
            row.WriteNullValue();
        }

        if (license.ExpiresOn is { } expiry)
        {
            row.WriteStringValue(expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            row.WriteNullValue();
        }

        row.WriteNumberValue(license.MaxActivations);
        row.WriteNumberValue(license.Activations.Count);
        row.WriteNumberValue((int)license.MatchBy);
        row.WriteNumberValue(license.Revoked ? 1 : 0);
        row.WriteNumberValue(license.Suspended ? 1 : 0);
        _licenseRows.EndRow();
        _pending.Add((license, key, number));
        return _pending.Count >= BatchSize ? await FlushAsync(cancellationToken) : null;
    }

    /// <summary>Writes the licenses added; the first the database refused, or null.</summary>
    public async Task<RefusedLicense?> FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        _ids.Clear();
        _insertLicenses.Parameters["@rows"].Value = _licenseRows.TakeJson();
        await using (var reader = await _insertLicenses.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                _ids[reader.GetString(1)] = reader.GetInt32(0);
            }
        }

        foreach (var (license, key, number) in _pending)
        {
            if (!_ids.Remove(key, out var id))
            {
                _pending.Clear();
                return new RefusedLicense(number, key);
            }

            foreach (var (domain, ip) in license.Activations)
            {
                var activation = _activationRows.StartRow();
                activation.WriteNumberValue(id);
                activation.WriteStringValue(domain);
                activation.WriteStringValue(ip);
                _activationRows.EndRow();
            }

            AddEvent(id, LicenseEventKind.Imported, "Imported.");
            if (license.Revoked)
            {
                AddEvent(id, LicenseEventKind.Revoked, LicenseIssuer.ImportedRevokedReason);
            }

            if (license.Suspended)
            {
                AddEvent(id, LicenseEventKind.Suspended, LicenseIssuer.ImportedSuspendedReason);
            }
        }

        await WriteAsync(_insertActivations, _activationRows, cancellationToken);
        await WriteAsync(_insertEvents, _eventRows, cancellationToken);
        Imported += _pending.Count;
        _pending.Clear();
        return null;
    }

    /// <summary>Writes what is left and commits (when the import owns the transaction); the first refused license, or null.</summary>
    public async Task<RefusedLicense?> CompleteAsync(CancellationToken cancellationToken)
    {
        if (await FlushAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await _transaction.CommitAsync(cancellationToken);
        _completed(Imported);
        return null;
    }

    private void AddEvent(int id, LicenseEventKind kind, string detail)
    {
        var row = _eventRows.StartRow();
        row.WriteNumberValue(id);
        row.WriteNumberValue((int)kind);
        row.WriteStringValue(detail);
        _eventRows.EndRow();
    }

    private static async Task WriteAsync(DbCommand insert, JsonRowSet rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        insert.Parameters["@rows"].Value = rows.TakeJson();
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    public async ValueTask DisposeAsync()
    {
        if (_cacheBefore is { } before && _database.Connection.State == System.Data.ConnectionState.Open)
        {
            await using var command = _database.CreateCommand(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {before}"));
            await command.ExecuteNonQueryAsync();
        }

        _licenseRows.Dispose();
        _activationRows.Dispose();
        _eventRows.Dispose();
        await _insertLicenses.DisposeAsync();
        await _insertActivations.DisposeAsync();
        await _insertEvents.DisposeAsync();
        await _transaction.DisposeAsync();
    }
}

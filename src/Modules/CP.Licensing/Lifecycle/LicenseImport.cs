using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// A bulk import in progress (<see cref="LicenseIssuer.BeginImportAsync"/>): licenses are added one
/// by one and written <see cref="BatchSize"/> at a time by multi-row INSERTs in the caller's
/// transaction, with their environments and their Imported (Revoked, Suspended) events; nothing is
/// held but the batch. The unique index on the key judges duplicates: a batch's license whose key is
/// already on the site, or earlier in the import, is not written and comes back as refused (the
/// caller stops, and the transaction rolls back). Activations Used is the number of imported
/// environments; a revoked or suspended entry is so by the import's actor.
/// </summary>
public sealed class LicenseImport : IAsyncDisposable
{
    /// <summary>Licenses per INSERT: 14 parameters each, under SQLite's and PostgreSQL's limits.</summary>
    public const int BatchSize = 500;

    private const int RowsPerInsert = 1000;

    private readonly SiteTransaction _transaction;
    private readonly Action<int> _completed;
    private readonly LicenseKeyMaterial _material;
    private readonly BatchInsert _licenses;
    private readonly BatchInsert _activations;
    private readonly BatchInsert _events;
    private readonly List<(ImportedLicense License, string Key, int Number)> _pending = new(BatchSize);
    private readonly Dictionary<string, int> _ids = new(BatchSize, StringComparer.Ordinal);

    internal LicenseImport(SiteDatabase database, SiteTransaction transaction, LicenseKeyMaterial material, DateTimeOffset now, string actor, Action<int> completed)
    {
        _transaction = transaction;
        _completed = completed;
        _material = material;
        _licenses = new BatchInsert(database, LicenseSql.ImportLicensesHead, LicenseSql.ImportLicenseRow, LicenseSql.ImportLicensesTail,
            ["@key", "@customerId", "@customerEmail", "@product", "@productId", "@expiresOn", "@max", "@used", "@matchBy", "@revokedAt", "@revokedBy", "@reason", "@suspendedAt", "@suspendedBy", "@suspensionReason"], BatchSize);
        _licenses.Constant("@issuedAt", now);
        _activations = new BatchInsert(database, LicenseSql.ImportActivationsHead, LicenseSql.ImportActivationRow, string.Empty, ["@id", "@domain", "@ip"], RowsPerInsert).Constant("@now", now);
        _events = new BatchInsert(database, LicenseSql.ImportEventsHead, LicenseSql.ImportEventRow, string.Empty, ["@id", "@kind", "@detail"], RowsPerInsert)
            .Constant("@now", now).Constant("@actor", actor);
        Now = now;
        Actor = actor;
    }

    public DateTimeOffset Now { get; }

    public string Actor { get; }

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
        var revoked = license.Revoked;
        var suspended = license.Suspended;
        _licenses.Add(
            key,
            license.CustomerId,
            Truncate(license.CustomerEmail, LicenseConfiguration.EmailMaxLength),
            license.ProductName,
            license.ProductId,
            license.ExpiresOn,
            license.MaxActivations,
            license.Activations.Count,
            (int)license.MatchBy,
            revoked ? Now : null,
            revoked ? Actor : null,
            revoked ? LicenseIssuer.ImportedRevokedReason : null,
            suspended ? Now : null,
            suspended ? Actor : null,
            suspended ? LicenseIssuer.ImportedSuspendedReason : null);
        _pending.Add((license, key, number));
        return _licenses.IsFull ? await FlushAsync(cancellationToken) : null;
    }

    /// <summary>Writes the licenses added; the first the database refused, or null.</summary>
    public async Task<RefusedLicense?> FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        _ids.Clear();
        await _licenses.ExecuteReaderAsync(row => _ids[row.GetString(1)] = row.GetInt32(0), cancellationToken);
        foreach (var (license, key, number) in _pending)
        {
            if (!_ids.Remove(key, out var id))
            {
                _pending.Clear();
                return new RefusedLicense(number, key);
            }

            foreach (var (domain, ip) in license.Activations)
            {
                _activations.Add(id, domain, ip);
                if (_activations.IsFull)
                {
                    await _activations.ExecuteAsync(cancellationToken);
                }
            }

            await AddEventAsync(id, LicenseEventKind.Imported, "Imported.", cancellationToken);
            if (license.Revoked)
            {
                await AddEventAsync(id, LicenseEventKind.Revoked, LicenseIssuer.ImportedRevokedReason, cancellationToken);
            }

            if (license.Suspended)
            {
                await AddEventAsync(id, LicenseEventKind.Suspended, LicenseIssuer.ImportedSuspendedReason, cancellationToken);
            }
        }

        await _activations.ExecuteAsync(cancellationToken);
        await _events.ExecuteAsync(cancellationToken);
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

    private async Task AddEventAsync(int id, LicenseEventKind kind, string detail, CancellationToken cancellationToken)
    {
        _events.Add(id, (int)kind, detail);
        if (_events.IsFull)
        {
            await _events.ExecuteAsync(cancellationToken);
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    public async ValueTask DisposeAsync()
    {
        await _licenses.DisposeAsync();
        await _activations.DisposeAsync();
        await _events.DisposeAsync();
        await _transaction.DisposeAsync();
    }
}

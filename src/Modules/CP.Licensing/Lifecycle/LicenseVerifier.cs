using System.Data.Common;
using System.Globalization;
using CP.Licensing.Api;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// The Verify API's decision, top to bottom: check key -> load -> status -> environment -> answer
/// (the request was parsed and validated by <c>VerifyEndpoint</c>). Hand-written SQL on the
/// scope's connection, no change tracking. The activation rule is one method,
/// <see cref="MatchOrTakeSlotAsync"/>, whose conditional UPDATE holds the invariant.
/// </summary>
public sealed partial class LicenseVerifier(
    SiteDatabase database,
    LicensingSettingsCache settings,
    SqliteWriteGate writeGate,
    SqliteStatementCache statements,
    ProductScope products,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<LicenseVerifier> logger)
{
    /// <summary>A matching environment's last seen is written at most this often.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    // Resolved only when a call is refused at the limit: its graph (site settings, mail, links) builds
    // a DbContext, which would cost every Verify call a third of its throughput if it came in the constructor.
    private LimitNotices Notices() => services.GetRequiredService<LimitNotices>();

    /// <param name="licenseKey">As sent: trimmed and upper-cased here before any check.</param>
    /// <param name="domain">Already normalized (<see cref="EnvironmentName.NormalizeDomain"/>).</param>
    /// <param name="ip">The connection's address in canonical text (<see cref="EnvironmentName.Canonical"/>).</param>
    /// <param name="product">The product slug the caller named, or null (any product of the store).</param>
    public async Task<VerifyResult> VerifyAsync(string licenseKey, string domain, string ip, string? product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseKey);

        // 1. The key's shape and signature, in memory: a tampered key never reaches the database.
        var material = await settings.GetAsync(cancellationToken);
        if (CheckedKey(licenseKey, material) is not { } key)
        {
            return VerifyResult.InvalidFormat;
        }

        // 2. Load the license and when a matching environment was last seen, in one statement: on
        //    SQLite one kept prepared (SqliteStatementCache), on PostgreSQL on the scope's connection.
        //    A development domain loads with its own statement, which also reads its development environment.
        var policy = await settings.GetDevelopmentPolicyAsync(cancellationToken);
        var developmentDomain = policy.Domains.Contains(domain);
        var sql = developmentDomain ? LicenseSql.LoadDevelopment : LicenseSql.Load;
        LoadedLicense license;
        using (var cached = database.Provider == DatabaseProvider.Sqlite ? statements.Rent(sql) : default)
        await using (var own = cached.Command is null ? await CreateCommandAsync(sql, cancellationToken) : null)
        {
            var load = cached.Command ?? own!;
            load.SetParameter("@key", key);
            load.SetParameter("@domain", domain);
            load.SetParameter("@ip", ip);
            await using var reader = await load.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return VerifyResult.NotFound;
            }

            license = new LoadedLicense(
                Id: reader.GetInt32(0),
                ProductName: reader.GetString(1),
                ExpiresOn: reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                MaxActivations: reader.GetInt32(3),
                ActivationsUsed: reader.GetInt32(4),
                Revoked: reader.GetBoolean(5),
                MatchBy: (LicenseMatchRule)reader.GetInt32(6),
                ProductId: reader.IsDBNull(7) ? null : reader.GetInt32(7),
                Suspended: reader.GetBoolean(8),
                DevelopmentSitesFree: reader.GetBoolean(9),
                MatchedLastSeenAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                DevelopmentLastSeenAt: developmentDomain && !reader.IsDBNull(11) ? reader.GetFieldValue<DateTimeOffset>(11) : null);
        }

        // 3. Product scope: the key must be of the product the caller named.
        if (product is not null && await products.IsOtherProductAsync(product, license.ProductId, cancellationToken))
        {
            return VerifyResult.ProductMismatch;
        }

        // 4. Status: revoked, else suspended, else expired (today UTC after the expiry date).
        var now = clock.GetUtcNow();
        switch (License.Status(license.Revoked, license.Suspended, license.ExpiresOn, DateOnly.FromDateTime(now.UtcDateTime)))
        {
            case LicenseStatus.Revoked:
                return VerifyResult.Revoked;
            case LicenseStatus.Suspended:
                return VerifyResult.Suspended;
            case LicenseStatus.Expired:
                return VerifyResult.Expired;
        }

        // 5. Environment: a development one (when the key lets them be free) uses no slot, up to the
        //    site's limit; else a match uses no slot; a new one takes a slot while one is free.
        if (developmentDomain && license.DevelopmentSitesFree)
        {
            return await VerifyDevelopmentAsync(license, key, domain, ip, policy.MaxSitesPerLicense, now, cancellationToken);
        }

        if (license.MatchedLastSeenAt is { } lastSeen)
        {
            if (now - lastSeen >= LastSeenPrecision)
            {
                await TouchAsync(license.Id, license.MatchBy, domain, ip, now, cancellationToken);
            }

            return VerifyResult.Valid(license.Id, license.ProductId, license.ProductName, license.ExpiresOn, license.ActivationsUsed, license.MaxActivations);
        }

        var (outcome, used) = await MatchOrTakeSlotAsync(license.Id, license.MatchBy, license.MaxActivations, domain, ip, now, cancellationToken);
        switch (outcome)
        {
            case SlotOutcome.Full:
                LogMaxActivations(logger, LicenseKeys.Mask(key), domain, ip);
                await Notices().RefusedAsync(license.Id, domain, ip, license.MaxActivations, development: false, now, cancellationToken);
                return VerifyResult.MaxActivationsExceeded;
            case SlotOutcome.Added:
                LogActivated(logger, LicenseKeys.Mask(key), domain, ip, used, license.MaxActivations);
                break;
        }

        // 6. Answer.
        return VerifyResult.Valid(license.Id, license.ProductId, license.ProductName, license.ExpiresOn, used, license.MaxActivations);
    }

    /// <summary>
    /// A development domain on a key whose development sites are free: its environment (keyed by
    /// the domain) matches, else one is added under the license row lock while the key has fewer
    /// than <paramref name="maxSites"/>. Activations Used never changes.
    /// </summary>
    private async Task<VerifyResult> VerifyDevelopmentAsync(
        LoadedLicense license, string key, string domain, string ip, int maxSites, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (license.DevelopmentLastSeenAt is { } lastSeen)
        {
            if (now - lastSeen >= LastSeenPrecision)
            {
                using var turn = await writeGate.EnterAsync(database, cancellationToken);
                await using var touch = await CreateCommandAsync(LicenseSql.TouchDevelopment, cancellationToken);
                touch.AddParameter("@id", license.Id);
                touch.AddParameter("@domain", domain);
                touch.AddParameter("@ip", ip);
                touch.AddParameter("@now", now);
                await touch.ExecuteNonQueryAsync(cancellationToken);
            }

            return VerifyResult.Valid(license.Id, license.ProductId, license.ProductName, license.ExpiresOn, license.ActivationsUsed, license.MaxActivations, development: true);
        }

        int used;
        var full = false;
        using (var turn = await writeGate.EnterAsync(database, cancellationToken))
        {
            await using var transaction = await database.BeginTransactionAsync(cancellationToken);
            await using (var lockRow = database.CreateCommand(LicenseSql.LockLicense))
            {
                lockRow.AddParameter("@id", license.Id);
                used = Convert.ToInt32(await lockRow.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            long sites, matches;
            await using (var count = database.CreateCommand(LicenseSql.CountDevelopment))
            {
                count.AddParameter("@id", license.Id);
                count.AddParameter("@domain", domain);
                count.AddParameter("@ip", ip);
                await using var reader = await count.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                sites = reader.GetInt64(0);
                matches = reader.GetInt64(1);
            }

            // Disposing without commit ends the transaction when nothing is added.
            full = matches == 0 && sites >= maxSites;
            if (matches == 0 && !full)
            {
                await using (var add = database.CreateCommand(LicenseSql.AddDevelopmentEnvironment))
                {
                    add.AddParameter("@id", license.Id);
                    add.AddParameter("@domain", domain);
                    add.AddParameter("@ip", ip);
                    add.AddParameter("@now", now);
                    await add.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var history = database.CreateCommand(LicenseSql.InsertEvent))
                {
                    history.AddParameter("@id", license.Id);
                    history.AddParameter("@now", now);
                    history.AddParameter("@kind", (int)LicenseEventKind.Activated);
                    history.AddParameter("@actor", "api");
                    history.AddParameter("@detail", $"New development environment {domain} ({ip}); it uses no slot.");
                    await history.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                LogDevelopmentActivated(logger, LicenseKeys.Mask(key), domain, ip, sites + 1, maxSites);
            }
        }

        if (full)
        {
            LogMaxDevelopmentSites(logger, LicenseKeys.Mask(key), domain, ip, maxSites);
            await Notices().RefusedAsync(license.Id, domain, ip, maxSites, development: true, now, cancellationToken);
            return VerifyResult.MaxActivationsExceeded;
        }

        return VerifyResult.Valid(license.Id, license.ProductId, license.ProductName, license.ExpiresOn, used, license.MaxActivations, development: true);
    }

    /// <summary>The key trimmed and upper-cased when its shape and signature are right; else null.</summary>
    internal static string? CheckedKey(string licenseKey, LicenseKeyMaterial material)
    {
        var trimmed = licenseKey.AsSpan().Trim();
        if (trimmed.Length > LicenseKeys.MaxKeyLength)
        {
            return null;
        }

        Span<char> upper = stackalloc char[trimmed.Length];
        trimmed.ToUpperInvariant(upper);
        return material.IsValid(upper) ? new string(upper) : null;
    }

    /// <summary>
    /// The activation rule, in one transaction: take a slot with a conditional UPDATE (which also
    /// locks the license row), look for a match again under that lock (another call may just have
    /// added this environment: then undo and answer as a match), else add the environment.
    /// <c>ActivationsUsed</c> changes only together with an added environment, and never past Max.
    /// </summary>
    private async Task<(SlotOutcome Outcome, int Used)> MatchOrTakeSlotAsync(
        int licenseId, LicenseMatchRule rule, int maxActivations, string domain, string ip, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(database, cancellationToken);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);

        int? usedAfterTaking;
        await using (var take = database.CreateCommand(LicenseSql.TakeSlot))
        {
            take.AddParameter("@id", licenseId);
            var result = await take.ExecuteScalarAsync(cancellationToken);
            usedAfterTaking = result is null or DBNull ? null : Convert.ToInt32(result, CultureInfo.InvariantCulture);
        }

        bool matchesNow;
        await using (var match = database.CreateCommand(LicenseSql.Match))
        {
            AddMatchParameters(match, licenseId, rule, domain, ip);
            matchesNow = await match.ExecuteScalarAsync(cancellationToken) is not (null or DBNull);
        }

        if (matchesNow || usedAfterTaking is null)
        {
            // Disposing without commit gives the slot back. No slot was free: every slot is used.
            return (matchesNow ? SlotOutcome.Matched : SlotOutcome.Full, usedAfterTaking - 1 ?? maxActivations);
        }

        await using (var add = database.CreateCommand(LicenseSql.AddEnvironment))
        {
            add.AddParameter("@id", licenseId);
            add.AddParameter("@domain", domain);
            add.AddParameter("@ip", ip);
            add.AddParameter("@now", now);
            add.AddParameter("@detail", $"New environment {domain} ({ip}).");
            await add.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (SlotOutcome.Added, usedAfterTaking.Value);
    }

    private async Task<DbCommand> CreateCommandAsync(string sql, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        return database.CreateCommand(sql);
    }

    /// <summary>Updates the last seen of the environments the call matches.</summary>
    private async Task TouchAsync(int licenseId, LicenseMatchRule rule, string domain, string ip, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var turn = await writeGate.EnterAsync(database, cancellationToken);
        await using var touch = await CreateCommandAsync(LicenseSql.Touch, cancellationToken);
        AddMatchParameters(touch, licenseId, rule, domain, ip);
        touch.AddParameter("@now", now);
        await touch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddMatchParameters(DbCommand command, int licenseId, LicenseMatchRule rule, string domain, string ip)
    {
        command.AddParameter("@id", licenseId);
        command.AddParameter("@rule", (int)rule);
        command.AddParameter("@domain", domain);
        command.AddParameter("@ip", ip);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key} activated for {Domain} ({Ip}): {Used} of {Max} used")]
    private static partial void LogActivated(ILogger logger, string key, string domain, string ip, int used, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key} refused {Domain} ({Ip}): max activations exceeded")]
    private static partial void LogMaxActivations(ILogger logger, string key, string domain, string ip);

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key} added development environment {Domain} ({Ip}): {Sites} of {Max}")]
    private static partial void LogDevelopmentActivated(ILogger logger, string key, string domain, string ip, long sites, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key} refused development environment {Domain} ({Ip}): at most {Max}")]
    private static partial void LogMaxDevelopmentSites(ILogger logger, string key, string domain, string ip, int max);

    private enum SlotOutcome
    {
        Matched,
        Added,
        Full,
    }

    private readonly record struct LoadedLicense(
        int Id,
        string ProductName,
        DateOnly? ExpiresOn,
        int MaxActivations,
        int ActivationsUsed,
        bool Revoked,
        LicenseMatchRule MatchBy,
        int? ProductId,
        bool Suspended,
        bool DevelopmentSitesFree,
        DateTimeOffset? MatchedLastSeenAt,
        DateTimeOffset? DevelopmentLastSeenAt);
}

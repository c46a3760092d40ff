using System.Globalization;
using CP.Licensing.Api;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Self-service deactivation (docs/verify-api.md, "Deactivate" and "The allowance"): the product
/// (<see cref="DeactivateAsync"/>, the Deactivate API) or the customer on Account -> Licenses
/// (<see cref="DeactivateForCustomerAsync"/>) removes one environment from the allow-list. A
/// production environment gives its slot back and counts against the key's allowance
/// (<see cref="DeactivationAllowance"/>); a development environment is free. The allowance is held
/// by the database: the license row is locked first, then the key's deactivations in the window are
/// counted, so simultaneous calls take their turn and never pass the allowance together.
/// </summary>
public sealed partial class LicenseDeactivator(
    SiteDatabase database,
    LicensingDbContext db,
    LicensingSettingsCache settings,
    SqliteWriteGate writeGate,
    ProductScope products,
    TimeProvider clock,
    ILogger<LicenseDeactivator> logger)
{
    /// <summary>The history's actor for deactivations through the API.</summary>
    public const string ApiActor = "api";

    /// <summary>The history's actor for deactivations by the customer on their key's page.</summary>
    public const string CustomerActor = "customer";

    /// <summary>
    /// The Deactivate API: key checks (<c>invalid_format</c>, <c>not_found</c>,
    /// <c>product_mismatch</c>, <c>revoked</c>; suspended and expired keys may deactivate), then the
    /// environment the call matches is removed. A development domain on a key whose development sites
    /// are free matches that domain's development environment; otherwise Verify's rule matches a
    /// production environment, and when the domain matches one and the IP another, the domain's is
    /// removed (one per call).
    /// </summary>
    /// <param name="licenseKey">As sent: trimmed and upper-cased before any check.</param>
    /// <param name="domain">Already normalized (<see cref="EnvironmentName.NormalizeDomain"/>).</param>
    /// <param name="ip">The connection's address in canonical text (<see cref="EnvironmentName.Canonical"/>).</param>
    /// <param name="product">The product slug the caller named, or null.</param>
    public async Task<DeactivateResult> DeactivateAsync(string licenseKey, string domain, string ip, string? product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseKey);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(ip);

        // 1. The key's shape and signature, in memory (Verify's check).
        if (LicenseVerifier.CheckedKey(licenseKey, await settings.GetAsync(cancellationToken)) is not { } key)
        {
            return DeactivateResult.Refused(VerifyResult.InvalidFormat);
        }

        // 2. Load.
        await database.OpenConnectionAsync(cancellationToken);
        int licenseId;
        int? productId;
        bool revoked, developmentSitesFree;
        LicenseMatchRule rule;
        await using (var load = database.CreateCommand(LicenseSql.LoadForDeactivation))
        {
            load.AddParameter("@key", key);
            await using var reader = await load.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return DeactivateResult.Refused(VerifyResult.NotFound);
            }

            licenseId = reader.GetInt32(0);
            productId = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            revoked = reader.GetBoolean(2);
            rule = (LicenseMatchRule)reader.GetInt32(3);
            developmentSitesFree = reader.GetBoolean(4);
        }

        // 3. Product scope, then revocation (a revoked key has no environments to free).
        if (await products.IsOtherProductAsync(product, productId, cancellationToken))
        {
            return DeactivateResult.Refused(VerifyResult.ProductMismatch);
        }

        if (revoked)
        {
            return DeactivateResult.Refused(VerifyResult.Revoked);
        }

        // 4. The environment the call matches.
        var development = developmentSitesFree && (await settings.GetDevelopmentPolicyAsync(cancellationToken)).Domains.Contains(domain);
        int environmentId;
        await using (var find = database.CreateCommand(development ? LicenseSql.FindDevelopmentEnvironment : LicenseSql.FindMatchedEnvironment))
        {
            find.AddParameter("@id", licenseId);
            find.AddParameter("@domain", domain);
            if (!development)
            {
                find.AddParameter("@rule", (int)rule);
                find.AddParameter("@ip", ip);
            }

            var found = await find.ExecuteScalarAsync(cancellationToken);
            if (found is null or DBNull)
            {
                return DeactivateResult.Refused(VerifyResult.NotActivated);
            }

            environmentId = Convert.ToInt32(found, CultureInfo.InvariantCulture);
        }

        // 5. Remove it under the license row's lock, within the allowance.
        var removal = await RemoveAsync(licenseId, environmentId, development, ApiActor, cancellationToken);
        switch (removal.Outcome)
        {
            case RemovalOutcome.Gone:
                return DeactivateResult.Refused(VerifyResult.NotActivated);
            case RemovalOutcome.OverAllowance:
                LogLimit(logger, LicenseKeys.Mask(key), domain, ip);
                return DeactivateResult.Refused(VerifyResult.DeactivationLimit);
        }

        LogDeactivated(logger, LicenseKeys.Mask(key), removal.Environment!, ApiActor, removal.Used, removal.Max);
        return DeactivateResult.Done(removal.Used, removal.Max);
    }

    /// <summary>
    /// Account -> Licenses: the customer removes environment <paramref name="environmentId"/> of their
    /// own license <paramref name="licenseId"/>; the same allowance applies. Refused with
    /// <see cref="LicenseProblems.NotFound"/> (not theirs), <see cref="LicenseProblems.Revoked"/>,
    /// <see cref="LicenseProblems.EnvironmentGone"/> or <see cref="LicenseProblems.DeactivationLimit"/>.
    /// </summary>
    public async Task<Outcome<Deactivation>> DeactivateForCustomerAsync(string customerId, int licenseId, int environmentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var license = await db.Licenses.AsNoTracking()
            .Where(l => l.Id == licenseId && l.CustomerId == customerId)
            .Select(l => new { Revoked = l.RevokedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (license is null)
        {
            return Outcome.Refused(LicenseProblems.NotFound);
        }

        if (license.Revoked)
        {
            return Outcome.Refused(LicenseProblems.Revoked);
        }

        var development = await db.LicenseActivations.AsNoTracking()
            .Where(a => a.Id == environmentId && a.LicenseId == licenseId)
            .Select(a => (bool?)a.IsDevelopment)
            .FirstOrDefaultAsync(cancellationToken);
        if (development is null)
        {
            return Outcome.Refused(LicenseProblems.EnvironmentGone);
        }

        const string actor = CustomerActor;
        var removal = await RemoveAsync(licenseId, environmentId, development.Value, actor, cancellationToken);
        switch (removal.Outcome)
        {
            case RemovalOutcome.Gone:
                return Outcome.Refused(LicenseProblems.EnvironmentGone);
            case RemovalOutcome.OverAllowance:
                return Outcome.Refused(LicenseProblems.DeactivationLimit);
        }

        LogDeactivated(logger, licenseId.ToString(CultureInfo.InvariantCulture), removal.Environment!, actor, removal.Used, removal.Max);
        return Outcome<Deactivation>.Done(new Deactivation(removal.Environment!, development.Value, removal.Used, removal.Max));
    }

    /// <summary>
    /// In one transaction: lock the license row (and give the slot back), count the key's
    /// deactivations in the window and refuse past the allowance (a development environment is
    /// free), remove the environment and write the history entry. Anything refused rolls back.
    /// </summary>
    private async Task<Removal> RemoveAsync(int licenseId, int environmentId, bool development, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using var turn = await writeGate.EnterAsync(database, cancellationToken);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);

        int used, max;
        DeactivationAllowance allowance;
        await using (var lockRow = database.CreateCommand(LicenseSql.LockForDeactivation))
        {
            lockRow.AddParameter("@id", licenseId);
            lockRow.AddParameter("@environment", environmentId);
            lockRow.AddParameter("@release", development ? 0 : 1);
            await using var reader = await lockRow.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                // Revoked, or the environment removed by another call meanwhile.
                return Removal.Refused(RemovalOutcome.Gone);
            }

            used = reader.GetInt32(0);
            max = reader.GetInt32(1);
            allowance = new DeactivationAllowance(reader.GetBoolean(2), reader.GetInt32(3));
        }

        if (!development)
        {
            var madeInWindow = await CountInWindowAsync(licenseId, now, cancellationToken);
            if (!allowance.Permits(madeInWindow))
            {
                // Disposing without commit gives the count back: nothing changed.
                return Removal.Refused(RemovalOutcome.OverAllowance);
            }
        }

        string environment;
        await using (var remove = database.CreateCommand(LicenseSql.RemoveEnvironment))
        {
            remove.AddParameter("@id", licenseId);
            remove.AddParameter("@environment", environmentId);
            await using var reader = await remove.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return Removal.Refused(RemovalOutcome.Gone);
            }

            environment = $"{reader.GetString(0)} ({reader.GetString(1)})";
        }

        await using (var history = database.CreateCommand(LicenseSql.InsertEvent))
        {
            history.AddParameter("@id", licenseId);
            history.AddParameter("@now", now);
            history.AddParameter("@kind", (int)(development ? LicenseEventKind.DevelopmentDeactivated : LicenseEventKind.Deactivated));
            history.AddParameter("@actor", actor);
            history.AddParameter("@detail", development
                ? $"Deactivated development environment {environment}."
                : $"Deactivated environment {environment}; its slot is free.");
            await history.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new Removal(RemovalOutcome.Removed, environment, used, max);
    }

    /// <summary>
    /// How many self-service deactivations license <paramref name="licenseId"/> made in the window
    /// that ends now (what its allowance counts; the customer's key page shows what is left).
    /// </summary>
    public async Task<int> DeactivationsInWindowAsync(int licenseId, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        return await CountInWindowAsync(licenseId, clock.GetUtcNow(), cancellationToken);
    }

    private async Task<int> CountInWindowAsync(int licenseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var count = database.CreateCommand(LicenseSql.CountDeactivations);
        count.AddParameter("@id", licenseId);
        count.AddParameter("@since", DeactivationAllowance.WindowStart(now));
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key}: environment {Environment} deactivated by {Actor}: {Used} of {Max} used")]
    private static partial void LogDeactivated(ILogger logger, string key, string environment, string actor, int used, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "License {Key} refused to deactivate {Domain} ({Ip}): deactivation limit reached")]
    private static partial void LogLimit(ILogger logger, string key, string domain, string ip);

    private enum RemovalOutcome
    {
        Removed,
        Gone,
        OverAllowance,
    }

    private readonly record struct Removal(RemovalOutcome Outcome, string? Environment, int Used, int Max)
    {
        public static Removal Refused(RemovalOutcome outcome) => new(outcome, null, 0, 0);
    }
}

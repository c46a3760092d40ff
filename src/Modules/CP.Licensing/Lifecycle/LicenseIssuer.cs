using System.Data.Common;
using CP.Commerce.Events;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using CP.Licensing.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Data;
using StoreSite.Users;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Issues keys: one per unit of each licensed line of a paid order (never twice for the same unit:
/// a unique index on order number, line and unit holds it), or one by hand for a customer.
/// </summary>
public sealed partial class LicenseIssuer(
    LicensingDbContext db,
    SiteDatabase database,
    LicensingSettingsStore settings,
    IUserDirectory users,
    TimeProvider clock,
    ILogger<LicenseIssuer> logger)
{
    public const string SystemActor = "system";

    public const string ImportedRevokedReason = "Imported as revoked.";

    public const string ImportedSuspendedReason = "Imported as suspended.";

    /// <summary>
    /// Issues the keys an order's licensed lines are due and have not got yet (in the caller's
    /// transaction when there is one). Expiry = the paid date (UTC) + the plan's validity. Renewal lines issue no key.
    /// </summary>
    public async Task<IReadOnlyList<License>> IssueForOrderAsync(OrderSnapshot order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var newLines = order.Lines.Where(l => l.Kind == OrderLineKind.New).ToList();
        var planIds = newLines.Select(l => l.PlanId).Distinct().ToList();
        var plans = await db.PlanLicensingSettings.AsNoTracking()
            .Where(p => planIds.Contains(p.PlanId) && p.IssueLicense)
            .ToDictionaryAsync(p => p.PlanId, cancellationToken);
        if (plans.Count == 0)
        {
            return [];
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var alreadyIssued = (await db.Licenses.AsNoTracking()
                .Where(l => l.OrderNumber == order.Number)
                .Select(l => new { l.LineNumber, l.UnitIndex })
                .ToListAsync(cancellationToken))
            .Select(l => (l.LineNumber, l.UnitIndex))
            .ToHashSet();
        var material = await settings.GetKeyMaterialAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var paidOn = DateOnly.FromDateTime((order.PaidAt ?? now).UtcDateTime);
        var issued = new List<License>();
        foreach (var line in newLines.OrderBy(l => l.LineNumber))
        {
            if (!plans.TryGetValue(line.PlanId, out var plan))
            {
                continue;
            }

            for (var unit = 1; unit <= line.Quantity; unit++)
            {
                if (alreadyIssued.Contains((line.LineNumber, unit)))
                {
                    continue;
                }

                var license = new License
                {
                    Key = material.Generate(),
                    CustomerId = order.CustomerId,
                    CustomerEmail = Truncate(order.CustomerEmail, LicenseConfiguration.EmailMaxLength),
                    ProductName = Truncate(line.Title, LicenseConfiguration.ProductNameMaxLength),
                    ProductId = line.ProductId,
                    PlanId = line.PlanId,
                    OrderNumber = order.Number,
                    LineNumber = line.LineNumber,
                    UnitIndex = unit,
                    IssuedAt = now,
                    ExpiresOn = new LicenseValidity(plan.ValidityUnit, plan.ValidityValue).ExpiryFor(paidOn),
                    MaxActivations = plan.MaxActivations,
                    MatchBy = plan.MatchBy,
                    DevelopmentSitesFree = plan.DevelopmentSitesFree,
                    DeactivationsAllowed = plan.DeactivationsAllowed,
                    DeactivationsPer30Days = plan.DeactivationsPer30Days,
                };
                license.Events.Add(new LicenseEvent
                {
                    At = now,
                    Kind = LicenseEventKind.Issued,
                    Actor = SystemActor,
                    Detail = $"Issued for order {order.Number}, line {line.LineNumber}, unit {unit}.",
                });
                db.Licenses.Add(license);
                issued.Add(license);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (issued.Count > 0)
        {
            LogIssuedForOrder(logger, issued.Count, order.Number);
        }

        return issued;
    }

    /// <summary>
    /// Issues one key by hand for an existing customer (Generate License; <see cref="LicenseGeneration"/>
    /// has checked the product and plan against the catalog). The history entry's actor is <paramref name="actor"/>.
    /// </summary>
    public async Task<Outcome<License>> IssueAsync(ManualLicenseRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var customer = await users.FindByEmailAsync(request.CustomerEmail ?? string.Empty, cancellationToken);
        if (customer is null)
        {
            return Outcome<License>.Refused(LicenseProblems.NoSuchCustomer, nameof(ManualLicenseRequest.CustomerEmail));
        }

        var productName = request.ProductName?.Trim();
        if (string.IsNullOrEmpty(productName) || productName.Length > LicenseConfiguration.ProductNameMaxLength)
        {
            return Outcome<License>.Refused(LicenseProblems.ProductNameInvalid, nameof(ManualLicenseRequest.ProductName));
        }

        if (request.MaxActivations is < 0 or > LicensingLimits.MaxActivations)
        {
            return Outcome<License>.Refused(LicenseProblems.MaxActivationsOutOfRange, nameof(ManualLicenseRequest.MaxActivations));
        }

        if (!Enum.IsDefined(request.MatchBy))
        {
            return Outcome<License>.Refused(LicenseProblems.MatchRuleInvalid, nameof(ManualLicenseRequest.MatchBy));
        }

        if (request.DeactivationsPer30Days is < 0 or > DeactivationAllowance.MaxPer30Days)
        {
            return Outcome<License>.Refused(LicenseProblems.DeactivationsOutOfRange, nameof(ManualLicenseRequest.DeactivationsPer30Days));
        }

        var orderReference = string.IsNullOrWhiteSpace(request.OrderReference) ? null : request.OrderReference.Trim();
        if (orderReference is not null && (orderReference.Length > LicenseConfiguration.OrderNumberMaxLength || orderReference.Any(char.IsControl)))
        {
            return Outcome<License>.Refused(LicenseProblems.OrderReferenceInvalid, nameof(ManualLicenseRequest.OrderReference));
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var material = await settings.GetKeyMaterialAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var license = new License
        {
            Key = material.Generate(),
            CustomerId = customer.Id,
            CustomerEmail = customer.Email,
            ProductName = productName,
            ProductId = request.ProductId,
            PlanId = request.PlanId,
            OrderNumber = orderReference,
            IssuedAt = now,
            ExpiresOn = request.ExpiresOn,
            MaxActivations = request.MaxActivations ?? 0,
            MatchBy = request.MatchBy,
            DevelopmentSitesFree = request.DevelopmentSitesFree,
            DeactivationsAllowed = request.DeactivationsAllowed,
            DeactivationsPer30Days = request.DeactivationsPer30Days,
        };
        var who = Truncate(actor, LicenseConfiguration.EmailMaxLength);
        // The admin is the entry's actor (the customer's page says "The store"), never in the words the customer reads.
        var detail = request.Note is { Length: > 0 } note ? $"Issued by hand ({note})." : "Issued by hand.";
        license.Events.Add(new LicenseEvent { At = now, Kind = LicenseEventKind.Issued, Actor = who, Detail = detail });
        db.Licenses.Add(license);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogIssuedByHand(logger, LicenseKeys.Mask(license.Key), customer.Id, actor);
        return Outcome<License>.Done(license);
    }

    /// <summary>
    /// Imports licenses (keys checked, customers known, environments normalized by the caller) with
    /// hand-written SQL, in the caller's transaction: 100,000 rows in seconds. Activations Used is
    /// the number of imported environments; a revoked entry is revoked by <paramref name="actor"/>.
    /// </summary>
    public async Task<int> ImportAsync(IReadOnlyList<ImportedLicense> licenses, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenses);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        var material = await settings.GetKeyMaterialAsync(cancellationToken);
        var now = clock.GetUtcNow();

        await using var insertLicense = database.CreateCommand(LicenseSql.InsertLicense);
        await using var insertActivation = database.CreateCommand(LicenseSql.InsertActivation);
        await using var insertEvent = database.CreateCommand(LicenseSql.InsertEvent);
        foreach (var name in new[] { "@key", "@customerId", "@customerEmail", "@product", "@productId", "@issuedAt", "@expiresOn", "@max", "@used", "@matchBy", "@revokedAt", "@revokedBy", "@reason", "@suspendedAt", "@suspendedBy", "@suspensionReason" })
        {
            insertLicense.AddParameter(name, DBNull.Value);
        }

        foreach (var name in new[] { "@id", "@domain", "@ip", "@now" })
        {
            insertActivation.AddParameter(name, DBNull.Value);
        }

        foreach (var name in new[] { "@id", "@now", "@kind", "@actor", "@detail" })
        {
            insertEvent.AddParameter(name, DBNull.Value);
        }

        foreach (var license in licenses)
        {
            var values = insertLicense.Parameters;
            values["@key"].Value = license.Key ?? material.Generate();
            values["@customerId"].Value = license.CustomerId;
            values["@customerEmail"].Value = Truncate(license.CustomerEmail, LicenseConfiguration.EmailMaxLength);
            values["@product"].Value = license.ProductName;
            values["@productId"].Value = license.ProductId is { } productId ? productId : DBNull.Value;
            values["@issuedAt"].Value = now;
            values["@expiresOn"].Value = license.ExpiresOn is { } expiry ? expiry : DBNull.Value;
            values["@max"].Value = license.MaxActivations;
            values["@used"].Value = license.Activations.Count;
            values["@matchBy"].Value = (int)license.MatchBy;
            values["@revokedAt"].Value = license.Revoked ? now : DBNull.Value;
            values["@revokedBy"].Value = license.Revoked ? actor : DBNull.Value;
            values["@reason"].Value = license.Revoked ? ImportedRevokedReason : DBNull.Value;
            values["@suspendedAt"].Value = license.Suspended ? now : DBNull.Value;
            values["@suspendedBy"].Value = license.Suspended ? actor : DBNull.Value;
            values["@suspensionReason"].Value = license.Suspended ? ImportedSuspendedReason : DBNull.Value;
            var id = Convert.ToInt32(await insertLicense.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

            foreach (var (domain, ip) in license.Activations)
            {
                insertActivation.Parameters["@id"].Value = id;
                insertActivation.Parameters["@domain"].Value = domain;
                insertActivation.Parameters["@ip"].Value = ip;
                insertActivation.Parameters["@now"].Value = now;
                await insertActivation.ExecuteNonQueryAsync(cancellationToken);
            }

            await AddEventAsync(insertEvent, id, now, LicenseEventKind.Imported, actor, "Imported.", cancellationToken);
            if (license.Revoked)
            {
                await AddEventAsync(insertEvent, id, now, LicenseEventKind.Revoked, actor, ImportedRevokedReason, cancellationToken);
            }

            if (license.Suspended)
            {
                await AddEventAsync(insertEvent, id, now, LicenseEventKind.Suspended, actor, ImportedSuspendedReason, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        LogImported(logger, licenses.Count, actor);
        return licenses.Count;
    }

    private static async Task AddEventAsync(DbCommand insertEvent, int licenseId, DateTimeOffset at, LicenseEventKind kind, string actor, string detail, CancellationToken cancellationToken)
    {
        insertEvent.Parameters["@id"].Value = licenseId;
        insertEvent.Parameters["@now"].Value = at;
        insertEvent.Parameters["@kind"].Value = (int)kind;
        insertEvent.Parameters["@actor"].Value = actor;
        insertEvent.Parameters["@detail"].Value = detail;
        await insertEvent.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} licenses (by {Actor})")]
    private static partial void LogImported(ILogger logger, int count, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {Count} license keys for order {OrderNumber}")]
    private static partial void LogIssuedForOrder(ILogger logger, int count, string orderNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued license {Key} by hand for customer {CustomerId} (by {Actor})")]
    private static partial void LogIssuedByHand(ILogger logger, string key, string customerId, string actor);
}

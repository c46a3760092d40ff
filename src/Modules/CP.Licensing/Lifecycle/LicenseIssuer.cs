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
    /// Begins a bulk import (licenses checked, customers known, environments normalized by the
    /// caller) in the caller's transaction, or in one of its own that <see cref="LicenseImport.CompleteAsync"/> commits.
    /// </summary>
    public async Task<LicenseImport> BeginImportAsync(string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        try
        {
            var material = await settings.GetKeyMaterialAsync(cancellationToken);
            var import = new LicenseImport(database, transaction, material, clock.GetUtcNow(), actor, count => LogImported(logger, count, actor));
            await import.StartAsync(cancellationToken);
            return import;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} licenses (by {Actor})")]
    private static partial void LogImported(ILogger logger, int count, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {Count} license keys for order {OrderNumber}")]
    private static partial void LogIssuedForOrder(ILogger logger, int count, string orderNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued license {Key} by hand for customer {CustomerId} (by {Actor})")]
    private static partial void LogIssuedByHand(ILogger logger, string key, string customerId, string actor);
}

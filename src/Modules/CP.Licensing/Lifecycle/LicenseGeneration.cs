using CP.Commerce.Catalog;
using CP.Licensing.Customer.Records;
using CP.Licensing.Data;
using CP.Licensing.Keys;
using CP.Licensing.Lifecycle.Mail;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StoreSite;
using StoreSite.Accounts;
using StoreSite.Mail;
using StoreSite.Settings;
using StoreSite.Users;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Generate License, the admin's key by hand: the catalog's products and plans to choose from
/// (through <see cref="IProductCatalog"/>), a plan's defaults, and the issue itself: the product
/// and plan checked against the catalog, the customer found by email or (when asked) created with
/// an invitation mail (<see cref="IAccountInvitations"/>), the key issued by <see cref="LicenseIssuer"/>,
/// and, when asked, a notice with the key mailed after the commit (<c>Mail/IssuedNotice*.razor</c>).
/// </summary>
public sealed partial class LicenseGeneration(
    LicenseIssuer issuer,
    IProductCatalog catalog,
    LicensingDbContext db,
    IAccountInvitations invitations,
    IUserDirectory directory,
    IEmailSender sender,
    IMailRenderer renderer,
    ISiteSettingsStore settings,
    IPublicSiteAddress publicAddress,
    LinkGenerator links,
    TimeProvider clock,
    ILogger<LicenseGeneration> logger)
{
    /// <summary>At most this many products and plans in the pickers (a catalog is small; beyond, the rest is left out).</summary>
    public const int PickerLimit = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The products and plans to choose from, each plan with its defaults.</summary>
    public async Task<GenerateChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var products = await catalog.ListProductsAsync(PickerLimit, cancellationToken);
        var plans = await catalog.ListPlansAsync(PickerLimit, cancellationToken);
        var ids = plans.Select(p => p.PlanId).ToList();
        var sections = await db.PlanLicensingSettings.AsNoTracking().Where(s => ids.Contains(s.PlanId)).ToDictionaryAsync(s => s.PlanId, cancellationToken);
        var today = Today;
        return new GenerateChoices(products, plans.Select(p => Defaults(p, sections.GetValueOrDefault(p.PlanId), today)).ToList());
    }

    /// <summary>What a key of plan <paramref name="planId"/> starts from, or null when there is no such plan.</summary>
    public async Task<PlanDefaults?> DefaultsAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await catalog.FindPlanAsync(planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var section = await db.PlanLicensingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId, cancellationToken);
        return Defaults(plan, section, Today);
    }

    /// <summary>
    /// Issues the key <paramref name="request"/> describes, for <paramref name="actor"/> (named in the
    /// history). Refusals name the field: <c>CustomerEmail</c>, <c>ProductId</c>, <c>PlanId</c>, or the issuer's.
    /// </summary>
    public async Task<Outcome<GeneratedLicense>> GenerateAsync(ManualLicenseRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = request.CustomerEmail?.Trim();
        if (!EmailAddressRule.IsValid(email) || email!.Length > LicenseConfiguration.EmailMaxLength)
        {
            return Outcome.Refused(LicenseProblems.InvalidEmail, nameof(ManualLicenseRequest.CustomerEmail));
        }

        var productId = request.ProductId;
        var productName = request.ProductName?.Trim();
        PlanSummary? plan = null;
        if (request.PlanId is { } planId)
        {
            plan = await catalog.FindPlanAsync(planId, cancellationToken);
            if (plan is null)
            {
                return Outcome.Refused(LicenseProblems.PlanUnknown, nameof(ManualLicenseRequest.PlanId));
            }

            if (productId is { } chosen && chosen != plan.ProductId)
            {
                return Outcome.Refused(LicenseProblems.PlanOfAnotherProduct, nameof(ManualLicenseRequest.PlanId));
            }

            productId = plan.ProductId;
        }

        if (productId is { } id)
        {
            var product = await catalog.FindProductAsync(id, cancellationToken);
            if (product is null)
            {
                return Outcome.Refused(LicenseProblems.ProductUnknown, nameof(ManualLicenseRequest.ProductId));
            }

            productName = string.IsNullOrEmpty(productName) ? product.Name : productName;
        }

        var existing = await directory.FindByEmailAsync(email, cancellationToken);
        if (existing is null && !request.CreateAccount)
        {
            return Outcome.Refused(LicenseProblems.NoSuchCustomer, nameof(ManualLicenseRequest.CustomerEmail));
        }

        // Everything the issuer checks is checked before an account is created for the key.
        if (string.IsNullOrEmpty(productName) || productName.Length > LicenseConfiguration.ProductNameMaxLength)
        {
            return Outcome.Refused(LicenseProblems.ProductNameInvalid, nameof(ManualLicenseRequest.ProductName));
        }

        if (existing is null)
        {
            var invited = await invitations.FindOrInviteAsync(email, cancellationToken);
            if (!invited.Succeeded)
            {
                return Outcome.Refused(LicenseProblems.InvalidEmail, nameof(ManualLicenseRequest.CustomerEmail), invited.Detail);
            }

            email = (await directory.FindByIdAsync(invited.Value!, cancellationToken))?.Email ?? email;
        }

        var notes = new List<string>();
        if (plan is not null)
        {
            notes.Add($"plan {plan.PlanName} of {plan.ProductName}");
        }

        var reference = request.OrderReference?.Trim();
        if (!string.IsNullOrEmpty(reference))
        {
            notes.Add($"order reference {reference}");
        }

        if (existing is null)
        {
            notes.Add("account created with an invitation");
        }

        var issued = await issuer.IssueAsync(
            request with { CustomerEmail = email, ProductName = productName, ProductId = productId, Note = notes.Count == 0 ? null : string.Join("; ", notes) },
            actor,
            cancellationToken);
        if (!issued.Succeeded)
        {
            return issued.WithoutValue();
        }

        var license = issued.Value!;
        var notified = request.NotifyCustomer && await NotifyAsync(license, invited: existing is null, cancellationToken);
        return Outcome<GeneratedLicense>.Done(new GeneratedLicense(license, existing is null, notified));
    }

    private static PlanDefaults Defaults(PlanSummary plan, PlanLicensingSettings? section, DateOnly today)
    {
        section ??= new PlanLicensingSettings { MaxActivations = 1, MatchBy = LicenseMatchRule.DomainOrIp };
        return new PlanDefaults(
            plan.PlanId,
            plan.PlanName,
            plan.ProductId,
            plan.ProductName,
            new LicenseValidity(section.ValidityUnit, section.ValidityValue).ExpiryFor(today),
            section.MaxActivations,
            section.MatchBy,
            section.DevelopmentSitesFree,
            section.DeactivationsAllowed,
            section.DeactivationsPer30Days);
    }

    /// <summary>Mails the customer the key; a failure is logged, never undoes the key.</summary>
    private async Task<bool> NotifyAsync(License license, bool invited, CancellationToken cancellationToken)
    {
        var masked = LicenseKeys.Mask(license.Key);
        try
        {
            var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
            var path = links.GetPathByRouteValues(LicensingRoutes.CustomerLicense, new { id = license.Id })
                ?? throw new InvalidOperationException($"The route {LicensingRoutes.CustomerLicense} is not mapped.");
            var texts = new OrderLicenseKey(license.Key, license.ProductName, license.ExpiresOn, license.MaxActivations, Revoked: false);
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [nameof(IssuedNoticeHtml.Key)] = license.Key,
                [nameof(IssuedNoticeHtml.ProductName)] = license.ProductName,
                [nameof(IssuedNoticeHtml.SiteName)] = site.SiteName,
                [nameof(IssuedNoticeHtml.ActivationsText)] = char.ToUpperInvariant(texts.ActivationsText[0]) + texts.ActivationsText[1..],
                [nameof(IssuedNoticeHtml.ExpiryText)] = texts.ExpiryText,
                [nameof(IssuedNoticeHtml.Invited)] = invited,
                [nameof(IssuedNoticeHtml.LicenseLink)] = (await publicAddress.GetAsync(cancellationToken)).Link(path),
            };
            await sender.SendAsync(
                new EmailMessage(
                    license.CustomerEmail,
                    $"Your license key for {license.ProductName}",
                    await renderer.RenderTextAsync<IssuedNoticeText>(parameters),
                    await renderer.RenderHtmlAsync<IssuedNoticeHtml>(parameters)),
                cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNoticeFailed(logger, ex, masked);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "License {Key}: the notice of a key generated by hand could not be sent")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, string key);
}

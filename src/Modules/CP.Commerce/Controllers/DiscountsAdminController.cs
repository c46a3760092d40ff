using CP.Commerce.Data;
using CP.Commerce.Discounts;
using CP.Commerce.Models;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite.Data;
using StoreSite.Notifications;
using StoreSite.Settings;

namespace CP.Commerce.Controllers;

/// <summary>Admin -> Discounts: the codes, paged; create, edit, deactivate.</summary>
[Route("admin/discounts")]
public sealed class DiscountsAdminController(CommerceDbContext db, DiscountWriter writer, ISiteSettingsStore settings, INotifier notifier) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageDiscounts))]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var (rows, paging) = await db.Discounts.AsNoTracking()
            .OrderByDescending(d => d.IsActive).ThenBy(d => d.Code)
            .PageAsync(page, site.PageSize, Url.Action(nameof(Index))!, cancellationToken);
        return View(new DiscountListViewModel(rows, site.Currency, paging, await ScopesAsync([.. rows.Select(d => d.Id)], cancellationToken)));
    }

    [HttpGet("new")]
    [Authorize(Policy = nameof(Permissions.ManageDiscounts))]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FillAsync(new DiscountEditViewModel(), cancellationToken));

    [HttpPost("new")]
    [Authorize(Policy = nameof(Permissions.ManageDiscounts))]
    public async Task<IActionResult> Create(DiscountEditViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await SaveAsync(model, null, cancellationToken);
    }

    [HttpGet("{id:int}")]
    [Authorize(Policy = nameof(Permissions.ManageDiscounts))]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var discount = await db.Discounts.AsNoTracking().Include(d => d.Products).Include(d => d.Plans).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return discount is null ? NotFound() : View(await FillAsync(DiscountEditViewModel.From(discount), cancellationToken));
    }

    [HttpPost("{id:int}")]
    [Authorize(Policy = nameof(Permissions.ManageDiscounts))]
    public async Task<IActionResult> Edit(int id, DiscountEditViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var discount = await db.Discounts.Include(d => d.Products).Include(d => d.Plans).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return discount is null ? NotFound() : await SaveAsync(model, discount, cancellationToken);
    }

    [HttpPost("{id:int}/deactivate")]
    [Authorize(Policy = nameof(Permissions.ManageDiscounts))]
    public async Task<IActionResult> Deactivate(int id, CancellationToken cancellationToken)
    {
        var code = await db.Discounts.Where(d => d.Id == id).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return NotFound();
        }

        await db.Discounts.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsActive, false), cancellationToken);
        notifier.Success(DiscountMessages.Deactivated(code));
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(DiscountEditViewModel model, Discount? discount, CancellationToken cancellationToken)
    {
        model.Discount = discount;
        var view = discount is null ? "Edit" : nameof(Edit);
        foreach (var problem in await writer.CheckAsync(model.ToDraft(), discount, cancellationToken))
        {
            if (ModelState.GetFieldValidationState(problem.Field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            return View(view, await FillAsync(model, cancellationToken));
        }

        Discount saved;
        try
        {
            saved = await writer.SaveAsync(model.ToDraft(), discount, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin took the code, or checkouts redeemed past the new maximum, in between.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, DiscountMessages.Changed);
            return View(view, await FillAsync(model, cancellationToken));
        }

        notifier.Success(discount is null ? DiscountMessages.Created(saved.Code) : DiscountMessages.Saved(saved.Code));
        return RedirectToAction(nameof(Index));
    }

    /// <summary>What each of the listed codes is for, in words (<see cref="DiscountMessages.Scope"/>).</summary>
    private async Task<Dictionary<int, string>> ScopesAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var products = await db.Set<DiscountProduct>().AsNoTracking()
            .Where(d => ids.Contains(d.DiscountId))
            .Join(db.Products, d => d.ProductId, p => p.Id, (d, p) => new { d.DiscountId, p.Name })
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        var plans = await db.Set<DiscountPlan>().AsNoTracking()
            .Where(d => ids.Contains(d.DiscountId))
            .Join(db.Plans, d => d.PlanId, p => p.Id, (d, p) => new { d.DiscountId, ProductName = p.Product!.Name, p.Name })
            .OrderBy(p => p.ProductName).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return ids.ToDictionary(
            id => id,
            id => DiscountMessages.Scope(
                [.. products.Where(p => p.DiscountId == id).Select(p => p.Name)],
                [.. plans.Where(p => p.DiscountId == id).Select(p => (p.ProductName, p.Name))]));
    }

    private async Task<DiscountEditViewModel> FillAsync(DiscountEditViewModel model, CancellationToken cancellationToken)
    {
        var chosen = model.ProductIds;
        model.Products = (await db.Products.AsNoTracking()
                .Where(p => !p.IsArchived || chosen.Contains(p.Id))
                .OrderBy(p => p.Name).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Name })
                .ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name)).ToList();
        var chosenPlans = model.PlanIds;
        var plans = await db.Plans.AsNoTracking()
            .Where(p => !p.Product!.IsArchived || chosenPlans.Contains(p.Id))
            .OrderBy(p => p.Product!.Name).ThenBy(p => p.ProductId).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.IsActive, p.ProductId, ProductName = p.Product!.Name })
            .ToListAsync(cancellationToken);
        model.Plans = [.. plans.GroupBy(p => (p.ProductId, p.ProductName)).Select(g => new DiscountPlanChoices(g.Key.ProductName, [.. g.Select(p => (p.Id, p.Name, p.IsActive))]))];
        model.Currency = (await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken)).Currency;
        return model;
    }
}

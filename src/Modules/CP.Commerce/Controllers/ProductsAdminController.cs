using StoreSite.Data;
using CP.Commerce.Data;
using CP.Commerce.Images;
using CP.Commerce.Models;
using CP.Commerce.Plans;
using CP.Commerce.Services;
using CP.Commerce.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StoreSite;
using StoreSite.Notifications;
using StoreSite.Settings;

namespace CP.Commerce.Controllers;

/// <summary>Admin -> Products: list with search, create, edit, archive; and the pricing plan editor with extension sections.</summary>
[Route("admin/products")]
public sealed class ProductsAdminController(
    CommerceDbContext db,
    ProductWriter writer,
    PlanEditorExtensions extensions,
    ProductImages images,
    ProductImageLinks imageLinks,
    ISiteSettingsStore settings,
    INotifier notifier) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.Section, cancellationToken);
        var query = string.IsNullOrWhiteSpace(q) || q.Length > ProductConfiguration.NameLength ? null : q.Trim();
        var products = db.Products.AsNoTracking();
        if (query is not null)
        {
            var lower = query.ToLowerInvariant();
            products = products.Where(p => p.Name.ToLower().Contains(lower) || p.Slug.Contains(lower));
        }

        var (rows, paging) = await products.Include(p => p.Plans).AsSplitQuery()
            .OrderBy(p => p.IsArchived).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .PageAsync(page, site.PageSize, Url.Action(nameof(Index), new { q = query })!, cancellationToken);
        return View(new ProductListViewModel(rows, query, paging));
    }

    [HttpGet("new")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public IActionResult Create() => View("Edit", new ProductEditViewModel());

    [HttpPost("new")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> Create(ProductEditViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slug = await CheckSlugAsync(model, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", model);
        }

        var product = new Product
        {
            Name = model.Name!.Trim(),
            Slug = slug ?? await writer.FreeSlugForAsync(model.Name!, cancellationToken),
            Summary = ProductSummaryText.Clean(model.Summary),
            Description = model.Description ?? string.Empty,
            IsActive = model.IsActive,
        };
        if (await writer.SaveProductAsync(product, cancellationToken) is { Succeeded: false } refused)
        {
            ModelState.AddModelError(refused.Field ?? string.Empty, ProductMessages.Refused(refused));
            return View("Edit", model);
        }

        notifier.Success(ProductMessages.Created(product));
        return ToProduct(product.Id);
    }

    [HttpGet("{id:int}")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var product = await LoadAsync(id, cancellationToken);
        return product is null
            ? NotFound()
            : View(Editor(product));
    }

    /// <summary>
    /// The image form (multipart <c>Image</c>, <c>ImageAlt</c>): a new image replaces the old one; with no
    /// file, only the text alternative changes. A refusal shows its words next to the field and keeps nothing.
    /// The request may be a few times the image limit, so that a file just too large gets those words rather than the server's 413.
    /// </summary>
    [HttpPost("{id:int}/image")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    [RequestSizeLimit(4 * ProductImageLimits.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 4 * ProductImageLimits.MaxRequestBytes)]
    public async Task<IActionResult> Image(int id, IFormFile? image, string? imageAlt, CancellationToken cancellationToken)
    {
        var product = await LoadAsync(id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        await using var content = image is { Length: > 0 } ? image.OpenReadStream() : null;
        if (image is { Length: > ProductImageLimits.MaxBytes })
        {
            return Refused(product, imageAlt, Outcome.Refused(ProductImageProblems.TooLarge, ProductImageProblems.FieldImage));
        }

        var hadImage = product.ImageVersion is not null;
        var outcome = await images.SaveAsync(new ProductImageUpload(id, content, imageAlt), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refused(product, imageAlt, outcome.WithoutValue());
        }

        notifier.Success(content is null && hadImage ? ProductImageMessages.AltSaved : ProductImageMessages.Saved);
        return ToProduct(id);
    }

    [HttpPost("{id:int}/image/remove")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> RemoveImage(int id, CancellationToken cancellationToken)
    {
        var outcome = await images.RemoveAsync(id, cancellationToken);
        if (outcome.Problem == ProductImageProblems.ProductNotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            notifier.Success(ProductImageMessages.Removed);
        }
        else
        {
            notifier.Error(ProductImageMessages.Refused(outcome));
        }

        return ToProduct(id);
    }

    [HttpPost("{id:int}")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> Edit(int id, ProductEditViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var product = await db.Products.Include(p => p.Plans).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        model.Product = product;
        model.Image = imageLinks.For(product);
        var slug = await CheckSlugAsync(model, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        product.Name = model.Name!.Trim();
        product.Slug = slug ?? product.Slug;
        product.Summary = ProductSummaryText.Clean(model.Summary);
        product.Description = model.Description ?? string.Empty;
        product.IsActive = model.IsActive;
        if (await writer.SaveProductAsync(product, cancellationToken) is { Succeeded: false } refused)
        {
            ModelState.AddModelError(refused.Field ?? string.Empty, ProductMessages.Refused(refused));
            model.Product = await LoadAsync(id, cancellationToken);
            return View(model);
        }

        notifier.Success(ProductMessages.Saved(product));
        return ToProduct(product.Id);
    }

    [HttpPost("{id:int}/archive")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public Task<IActionResult> Archive(int id, CancellationToken cancellationToken) =>
        SetArchivedAsync(id, archived: true, cancellationToken);

    [HttpPost("{id:int}/restore")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) =>
        SetArchivedAsync(id, archived: false, cancellationToken);

    [HttpGet("{id:int}/plans/new")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> CreatePlan(int id, CancellationToken cancellationToken)
    {
        var product = await LoadAsync(id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        return View("EditPlan", new PlanEditViewModel { Product = product, Sections = await LoadSectionsAsync(null, cancellationToken) });
    }

    [HttpPost("{id:int}/plans/new")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> CreatePlan(int id, PlanEditViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var product = await LoadAsync(id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        return await SavePlanAsync(product, new PricingPlan { ProductId = id, Name = string.Empty }, model, cancellationToken);
    }

    [HttpGet("{id:int}/plans/{planId:int}")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> EditPlan(int id, int planId, CancellationToken cancellationToken)
    {
        var product = await LoadAsync(id, cancellationToken);
        var plan = product?.Plans.FirstOrDefault(p => p.Id == planId);
        if (product is null || plan is null)
        {
            return NotFound();
        }

        return View(new PlanEditViewModel
        {
            Product = product,
            PlanId = plan.Id,
            Name = plan.Name,
            Price = plan.Price,
            IsActive = plan.IsActive,
            Sections = await LoadSectionsAsync(plan.Id, cancellationToken),
        });
    }

    [HttpPost("{id:int}/plans/{planId:int}")]
    [Authorize(Policy = nameof(Permissions.ManageProducts))]
    public async Task<IActionResult> EditPlan(int id, int planId, PlanEditViewModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var product = await LoadAsync(id, cancellationToken);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.ProductId == id, cancellationToken);
        if (product is null || plan is null)
        {
            return NotFound();
        }

        return await SavePlanAsync(product, plan, model, cancellationToken);
    }

    private async Task<IActionResult> SavePlanAsync(Product product, PricingPlan plan, PlanEditViewModel model, CancellationToken cancellationToken)
    {
        model.Product = product;
        model.PlanId = plan.Id == 0 ? null : plan.Id;
        var sections = new List<PlanEditorSectionViewModel>();
        foreach (var extension in extensions.Enabled)
        {
            var section = await extension.LoadAsync(model.PlanId, cancellationToken);
            await TryUpdateModelAsync(section, extension.EditorModelType, extension.Name);
            sections.Add(new PlanEditorSectionViewModel(extension, section));
        }

        model.Sections = sections;
        if (!ModelState.IsValid)
        {
            return View("EditPlan", model);
        }

        plan.Name = model.Name!.Trim();
        plan.Price = model.Price!.Value;
        plan.IsActive = model.IsActive;
        await writer.SavePlanAsync(plan, sections.Select(s => (s.Extension, s.Model)).ToList(), cancellationToken);
        notifier.Success(ProductMessages.PlanSaved(plan));
        return ToProduct(product.Id);
    }

    private async Task<IReadOnlyList<PlanEditorSectionViewModel>> LoadSectionsAsync(int? planId, CancellationToken cancellationToken)
    {
        var sections = new List<PlanEditorSectionViewModel>();
        foreach (var extension in extensions.Enabled)
        {
            sections.Add(new PlanEditorSectionViewModel(extension, await extension.LoadAsync(planId, cancellationToken)));
        }

        return sections;
    }

    /// <summary>The slug the form asks for (null: make one from the name), with field errors for a bad or taken one.</summary>
    private async Task<string?> CheckSlugAsync(ProductEditViewModel model, int? productId, CancellationToken cancellationToken)
    {
        var slug = model.Slug?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(slug) || ModelState.GetFieldValidationState(nameof(model.Slug)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            return null;
        }

        if (!ProductSlug.IsValid(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), ProductSlug.Problem);
        }
        else if (await writer.IsSlugTakenAsync(slug, productId, cancellationToken))
        {
            ModelState.AddModelError(nameof(model.Slug), ProductMessages.SlugTaken);
        }

        return slug;
    }

    private async Task<IActionResult> SetArchivedAsync(int id, bool archived, CancellationToken cancellationToken)
    {
        var changed = await db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsArchived, archived), cancellationToken);
        if (changed == 0)
        {
            return NotFound();
        }

        notifier.Success(archived ? ProductMessages.Archived : ProductMessages.Restored);
        return ToProduct(id);
    }

    private ProductEditViewModel Editor(Product product) => new()
    {
        Name = product.Name,
        Slug = product.Slug,
        Summary = product.Summary,
        Description = product.Description,
        IsActive = product.IsActive,
        ImageAlt = product.ImageAlt,
        Product = product,
        Image = imageLinks.For(product),
    };

    private ViewResult Refused(Product product, string? imageAlt, Outcome outcome)
    {
        ModelState.AddModelError(outcome.Field ?? string.Empty, ProductImageMessages.Refused(outcome));
        var model = Editor(product);
        model.ImageAlt = imageAlt;
        return View("Edit", model);
    }

    private RedirectToActionResult ToProduct(int id) => RedirectToAction(nameof(Edit), new { id });

    private Task<Product?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().Include(p => p.Plans.OrderBy(plan => plan.Position).ThenBy(plan => plan.Id)).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
}

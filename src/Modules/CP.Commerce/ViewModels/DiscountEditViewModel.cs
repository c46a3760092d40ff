using System.ComponentModel.DataAnnotations;
using CP.Commerce.Discounts;
using CP.Commerce.Models;
using CP.Commerce.Services;
using Microsoft.AspNetCore.Mvc;

namespace CP.Commerce.ViewModels;

/// <summary>The discount code editor (create and edit).</summary>
public sealed class DiscountEditViewModel
{
    [StringLength(200, ErrorMessage = "The code must be " + DiscountCode.Rule)]
    public string? Code { get; set; }

    public DiscountKind Kind { get; set; } = DiscountKind.Percent;

    [Range(1, 100, ErrorMessage = "Enter a whole percent from 1 to 100.")]
    public int? Percent { get; set; }

    [ModelBinder(typeof(MoneyModelBinder))]
    public decimal? Amount { get; set; }

    [Display(Name = "Applies to")]
    public DiscountAppliesTo AppliesTo { get; set; }

    /// <summary>The chosen products; none (and no plan) = every product.</summary>
    public List<int> ProductIds { get; set; } = [];

    /// <summary>The chosen plans, besides the chosen products; none (and no product) = every product.</summary>
    public List<int> PlanIds { get; set; } = [];

    [Display(Name = "Valid from")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "Valid until")]
    public DateOnly? ValidUntil { get; set; }

    [Display(Name = "Redemptions in all")]
    public int MaxRedemptions { get; set; }

    [Display(Name = "Redemptions per customer")]
    public int MaxPerCustomer { get; set; }

    [Display(Name = "Active (customers can use it)")]
    public bool IsActive { get; set; } = true;

    /// <summary>The code being edited; null while creating.</summary>
    public Discount? Discount { get; set; }

    /// <summary>The products to choose from (id, name), filled by the controller.</summary>
    public IReadOnlyList<(int Id, string Name)> Products { get; set; } = [];

    /// <summary>The plans to choose from, grouped by product (in the order of <see cref="Products"/>), filled by the controller.</summary>
    public IReadOnlyList<DiscountPlanChoices> Plans { get; set; } = [];

    /// <summary>The store currency (the amount's).</summary>
    public string Currency { get; set; } = "USD";

    public DiscountDraft ToDraft() =>
        new(Code, Kind, Kind == DiscountKind.Percent ? Percent : Amount, AppliesTo, ProductIds, PlanIds, ValidFrom, ValidUntil, MaxRedemptions, MaxPerCustomer, IsActive);

    public static DiscountEditViewModel From(Discount discount)
    {
        ArgumentNullException.ThrowIfNull(discount);
        return new DiscountEditViewModel
        {
            Code = discount.Code,
            Kind = discount.Kind,
            Percent = discount.Kind == DiscountKind.Percent ? discount.Percent : null,
            Amount = discount.Kind == DiscountKind.Amount ? discount.Amount : null,
            AppliesTo = discount.AppliesTo,
            ProductIds = [.. discount.Products.Select(p => p.ProductId)],
            PlanIds = [.. discount.Plans.Select(p => p.PlanId)],
            ValidFrom = discount.ValidFrom,
            ValidUntil = discount.ValidUntil,
            MaxRedemptions = discount.MaxRedemptions,
            MaxPerCustomer = discount.MaxPerCustomer,
            IsActive = discount.IsActive,
            Discount = discount,
        };
    }
}

/// <summary>A product's plans in the discount editor's plan picker: (id, name, whether customers can buy it now).</summary>
public sealed record DiscountPlanChoices(string ProductName, IReadOnlyList<(int Id, string Name, bool IsActive)> Plans);

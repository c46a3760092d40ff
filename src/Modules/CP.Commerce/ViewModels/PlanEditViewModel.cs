using System.ComponentModel.DataAnnotations;
using CP.Commerce.Data;
using CP.Commerce.Models;
using CP.Commerce.Services;
using Microsoft.AspNetCore.Mvc;

namespace CP.Commerce.ViewModels;

/// <summary>The pricing plan editor: core fields plus the sections of enabled plan editor extensions.</summary>
public sealed class PlanEditViewModel
{
    [Required(ErrorMessage = "Enter the plan name.")]
    [StringLength(PricingPlanConfiguration.NameLength, ErrorMessage = "The plan name must be at most 100 characters.")]
    public string? Name { get; set; }

    /// <summary>Read by the one money rule (<see cref="MoneyModelBinder"/>), in every culture.</summary>
    [Required(ErrorMessage = "Enter the price.")]
    [ModelBinder(typeof(MoneyModelBinder))]
    public decimal? Price { get; set; }

    [Display(Name = "Active (can be bought)")]
    public bool IsActive { get; set; } = true;

    public Product? Product { get; set; }

    public int? PlanId { get; set; }

    public IReadOnlyList<PlanEditorSectionViewModel> Sections { get; set; } = [];
}

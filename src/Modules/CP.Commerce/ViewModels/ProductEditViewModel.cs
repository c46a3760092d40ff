using System.ComponentModel.DataAnnotations;
using CP.Commerce.Data;
using CP.Commerce.Models;

namespace CP.Commerce.ViewModels;

/// <summary>The product editor (create and edit).</summary>
public sealed class ProductEditViewModel
{
    [Required(ErrorMessage = "Enter the product name.")]
    [StringLength(ProductConfiguration.NameLength, ErrorMessage = "The name must be at most 200 characters.")]
    public string? Name { get; set; }

    [StringLength(ProductConfiguration.SlugLength, ErrorMessage = "The slug must be at most 100 characters.")]
    public string? Slug { get; set; }

    [StringLength(ProductConfiguration.SummaryLength, ErrorMessage = "The summary must be at most 300 characters.")]
    public string? Summary { get; set; }

    [StringLength(ProductConfiguration.DescriptionLength, ErrorMessage = "The description must be at most 20,000 characters.")]
    public string? Description { get; set; }

    [Display(Name = "Active (shown in the store)")]
    public bool IsActive { get; set; } = true;

    /// <summary>The image form's text alternative (empty: the product's name).</summary>
    [Display(Name = "Image description (alt text)")]
    public string? ImageAlt { get; set; }

    /// <summary>The product's image now; null without one.</summary>
    public ProductImageViewModel? Image { get; set; }

    /// <summary>The product being edited; null while creating.</summary>
    public Product? Product { get; set; }
}

using System.Text.Json;
using StoreSite.Recipes;

namespace CP.Commerce.Plans;

/// <summary>
/// Lets another module add a section to the pricing-plan editor with its own fields, validation
/// and storage (like an Orchard content part). CP.Commerce never knows what the section means.
/// <para>
/// The editor model is a plain class of <see cref="EditorModelType"/>: DataAnnotations and
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> validate it; the plan
/// editor binds it from the form under the prefix <see cref="Name"/> and renders
/// <see cref="EditorView"/> (a partial in the module) with that prefix.
/// </para>
/// </summary>
public interface IPlanEditorExtension
{
    /// <summary>Key of the section: form prefix and the plan's property in the <c>Products</c> recipe step (e.g. <c>licensing</c>).</summary>
    string Name { get; }

    /// <summary>The section's heading in the editor.</summary>
    string DisplayName { get; }

    /// <summary>The partial view that renders the section's fields (model: an <see cref="EditorModelType"/>).</summary>
    string EditorView { get; }

    Type EditorModelType { get; }

    /// <summary>The editor model of a plan (its stored values), or defaults for a new plan (<paramref name="planId"/> null).</summary>
    Task<object> LoadAsync(int? planId, CancellationToken cancellationToken);

    /// <summary>Stores a validated editor model for the plan, inside the plan editor's transaction.</summary>
    Task SaveAsync(int planId, object model, CancellationToken cancellationToken);

    /// <summary>
    /// Reads and validates the plan's section from a recipe (<paramref name="json"/> is the value of the
    /// plan's <see cref="Name"/> property); throws <c>context.Error(path…)</c> naming the bad field.
    /// </summary>
    Task<object> ReadRecipeAsync(JsonElement json, RecipeStepContext context, string path, CancellationToken cancellationToken);

    /// <summary>What each plan gives, in short lines for its card on the product page (e.g. "5 sites", "1 year of updates and support", "Renews at 49.00 USD/year"); plans without any are left out.</summary>
    Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> DescribePlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken);
}

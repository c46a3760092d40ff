namespace StoreSite.Recipes;

/// <summary>
/// A named recipe step (Orchard's <c>IRecipeStepHandler</c>). Names are matched case-insensitively.
/// A step validates its data and throws <see cref="RecipeException"/> (through
/// <see cref="RecipeStepContext.Error"/>) naming the field; the engine then rolls the whole recipe back.
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

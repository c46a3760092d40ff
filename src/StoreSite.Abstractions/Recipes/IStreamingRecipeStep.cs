namespace StoreSite.Recipes;

/// <summary>
/// A step whose data holds one large array (e.g. a million licenses): the engine leaves that
/// property out of <see cref="RecipeStepContext.Data"/> and the step reads its items one at a time
/// with <see cref="RecipeStepContext.StreamArrayAsync"/>, so the array is never held whole.
/// </summary>
public interface IStreamingRecipeStep : IRecipeStep
{
    /// <summary>The name of the array property read as a stream (matched case-insensitively).</summary>
    string StreamedProperty { get; }
}

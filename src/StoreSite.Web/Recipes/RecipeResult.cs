namespace StoreSite.Web.Recipes;

/// <summary>What a recipe run did: the steps it ran, or the error that stopped it (nothing applied).</summary>
public sealed record RecipeResult(bool Succeeded, string? Error, IReadOnlyList<string> StepsRun)
{
    public static RecipeResult Failed(string error) => new(false, error, []);
}

namespace StoreSite.Recipes;

/// <summary>A recipe that cannot run: names the step (by position and name) and the field.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string message)
        : base(message)
    {
    }

    public RecipeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecipeException()
    {
    }

    public RecipeException(int stepNumber, string stepName, string field, string problem)
        : base(Describe(stepNumber, stepName, field, problem))
    {
        StepNumber = stepNumber;
        StepName = stepName;
        Field = field;
        Problem = problem;
    }

    /// <summary>1-based position of the step in the recipe, 0 when the recipe itself is wrong.</summary>
    public int StepNumber { get; }

    public string? StepName { get; }

    /// <summary>Path of the offending field inside the step, e.g. <c>products[0].plans[1].price</c>.</summary>
    public string? Field { get; }

    public string? Problem { get; }

    private static string Describe(int stepNumber, string stepName, string field, string problem) =>
        string.IsNullOrEmpty(field)
            ? $"Step {stepNumber} '{stepName}': {problem}"
            : $"Step {stepNumber} '{stepName}', field '{field}': {problem}";
}

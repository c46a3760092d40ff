using System.Text.Json;
using StoreSite.Recipes;

namespace CP.Licensing.Data;

/// <summary>The licensing limits that forms, recipes and services share: one constant per limit.</summary>
public static class LicensingLimits
{
    /// <summary>The highest Max Activations anyone can set (0 is unlimited): plan editor, license pages, recipes.</summary>
    public const int MaxActivations = 1_000_000;

    /// <summary>What a form or recipe says of a Max Activations outside 0..<see cref="MaxActivations"/>.</summary>
    public const string MaxActivationsProblem = "Enter a number from 0 (unlimited) to 1000000.";

    /// <summary>A recipe's optional Max Activations, refused outside 0..<see cref="MaxActivations"/> with <see cref="MaxActivationsProblem"/>.</summary>
    public static int? ReadMaxActivations(RecipeStepContext context, JsonElement obj, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var max = context.OptionalInt(obj, "maxActivations", path);
        return max is < 0 or > MaxActivations ? throw context.Error(path, MaxActivationsProblem) : max;
    }
}

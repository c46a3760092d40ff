using CP.Licensing.Settings;
using StoreSite.Recipes;

namespace CP.Licensing.Recipes;

/// <summary>
/// <c>{"name": "LicensingSettings", "keyPrefix": "CP", "signingSecret": "&lt;base64 of 32+ bytes&gt;"}</c>:
/// sets the key prefix and the signing secret. Once keys exist, a different value stops the recipe
/// (the same values are accepted, so a recipe can run again).
/// </summary>
public sealed class LicensingSettingsStep(LicensingSettingsStore settings) : IRecipeStep
{
    public string Name => "LicensingSettings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = context.OptionalString(context.Data, "keyPrefix", "keyPrefix");
        var secret = context.OptionalString(context.Data, "signingSecret", "signingSecret");
        if (await settings.ChangeAsync(prefix, secret, cancellationToken) is { } problem)
        {
            throw context.Error(problem.Field, problem.Problem);
        }
    }
}

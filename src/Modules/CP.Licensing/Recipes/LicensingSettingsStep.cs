using CP.Licensing.Settings;
using StoreSite.Recipes;

namespace CP.Licensing.Recipes;

/// <summary>
/// <c>{"name": "LicensingSettings", "keyPrefix": "CP", "signingSecret": "&lt;base64 of 32+ bytes&gt;",
/// "responseSigningKey": "&lt;base64 of the 32-byte Ed25519 seed&gt;", "developmentDomains": ["*.test", "staging.*"],
/// "maxDevelopmentSites": 10}</c>: sets the key prefix, the
/// signing secret and the key that signs API answers (docs/verify-api.md, "Signed answers"). Once keys exist, a different value stops the recipe
/// (the same values are accepted, so a recipe can run again). The development domains (docs/verify-api.md,
/// "Development sites") and their limit per key may change at any time.
/// </summary>
public sealed class LicensingSettingsStep(LicensingSettingsStore settings) : IRecipeStep
{
    public string Name => "LicensingSettings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = context.OptionalString(context.Data, "keyPrefix", "keyPrefix");
        var secret = context.OptionalString(context.Data, "signingSecret", "signingSecret");
        var responseKey = context.OptionalString(context.Data, "responseSigningKey", "responseSigningKey");
        IReadOnlyList<string>? domains = context.TryGetProperty(context.Data, "developmentDomains", out _)
            ? context.StringArray(context.Data, "developmentDomains", "developmentDomains")
            : null;
        var maxSites = context.OptionalInt(context.Data, "maxDevelopmentSites", "maxDevelopmentSites", 1, LicensingSettingsStore.MaxDevelopmentSitesLimit);
        if (await settings.ChangeAsync(prefix, secret, responseKey, cancellationToken) is { } problem)
        {
            throw context.Error(problem.Field, problem.Problem);
        }

        if ((domains is not null || maxSites is not null)
            && await settings.ChangeDevelopmentAsync(domains, maxSites, cancellationToken) is { } developmentProblem)
        {
            throw context.Error(developmentProblem.Field, developmentProblem.Problem);
        }
    }
}

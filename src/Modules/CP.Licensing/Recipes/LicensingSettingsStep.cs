using CP.Licensing.Settings;
using StoreSite.Recipes;

namespace CP.Licensing.Recipes;

/// <summary>
/// <c>{"name": "LicensingSettings", "keyPrefix": "CP", "signingSecret": "&lt;base64 of 32+ bytes&gt;",
/// "responseSigningKey": "&lt;base64 of the 32-byte Ed25519 seed&gt;", "developmentDomains": ["*.test", "staging.*"],
/// "maxDevelopmentSites": 10, "renewalReminderDays": [30, 7, -3]}</c>: sets the key prefix, the
/// signing secret and the key that signs API answers (docs/verify-api.md, "Signed answers"). Once keys exist, a different value stops the recipe
/// (the same values are accepted, so a recipe can run again). The development domains (docs/verify-api.md,
/// "Development sites") and their limit per key may change at any time, and so may the renewal reminder
/// days (days before the expiry, negative after it; <c>[]</c> sends none).
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
        IReadOnlyList<int>? reminderDays = context.TryGetProperty(context.Data, "renewalReminderDays", out _)
            ? context.Array(context.Data, "renewalReminderDays", "renewalReminderDays")
                .Select(entry => entry.Item.ValueKind == System.Text.Json.JsonValueKind.Number && entry.Item.TryGetInt32(out var day)
                    ? day
                    : throw context.Error(entry.Path, "must be a whole number of days."))
                .ToList()
            : null;
        if (await settings.ChangeAsync(prefix, secret, responseKey, cancellationToken) is { } problem)
        {
            throw context.Error(problem.Field, problem.Problem);
        }

        if ((domains is not null || maxSites is not null)
            && await settings.ChangeDevelopmentAsync(domains, maxSites, cancellationToken) is { } developmentProblem)
        {
            throw context.Error(developmentProblem.Field, developmentProblem.Problem);
        }

        if (reminderDays is not null && await settings.ChangeRemindersAsync(reminderDays, cancellationToken) is { } reminderProblem)
        {
            throw context.Error(reminderProblem.Field, reminderProblem.Problem);
        }
    }
}

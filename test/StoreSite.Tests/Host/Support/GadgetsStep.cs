using StoreSite.Recipes;
using StoreSite.Settings;

namespace StoreSite.Tests.Host.Support;

/// <summary><c>{"name": "Gadgets", "count": 3}</c>: stores the count as the test module's settings.</summary>
public sealed class GadgetsStep(ISiteSettingsStore settings) : IRecipeStep
{
    public const string Section = "Gadgets";

    public string Name => "Gadgets";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.OptionalInt(context.Data, "count", "count", 0, 100) ?? throw context.Error("count", "is required.");
        await settings.SaveAsync(Section, new GadgetsSettings { Count = count }, cancellationToken);
    }
}

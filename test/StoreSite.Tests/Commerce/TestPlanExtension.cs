using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CP.Commerce.Plans;
using StoreSite.Recipes;

namespace StoreSite.Tests.Commerce;

/// <summary>A plan editor extension like licensing's: a "seats" section with its own validation and storage (in memory).</summary>
public sealed class TestPlanExtension : IPlanEditorExtension
{
    public ConcurrentDictionary<int, SeatsSettings> Saved { get; } = new();

    public string Name => "seats";

    public string DisplayName => "Seats";

    public string EditorView => "_NoSuchSeatsEditor";

    public Type EditorModelType => typeof(SeatsSettings);

    public Task<object> LoadAsync(int? planId, CancellationToken cancellationToken) =>
        Task.FromResult<object>(planId is { } id && Saved.TryGetValue(id, out var saved) ? saved : new SeatsSettings());

    public Task SaveAsync(int planId, object model, CancellationToken cancellationToken)
    {
        Saved[planId] = (SeatsSettings)model;
        return Task.CompletedTask;
    }

    public Task<object> ReadRecipeAsync(JsonElement json, RecipeStepContext context, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireObject(json, path);
        var seats = context.OptionalInt(json, "seats", $"{path}.seats", 1, 500) ?? throw context.Error($"{path}.seats", "is required.");
        return Task.FromResult<object>(new SeatsSettings { Seats = seats });
    }

    public Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> DescribePlansAsync(IReadOnlyCollection<int> planIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, IReadOnlyList<string>>>(planIds.Where(Saved.ContainsKey).ToDictionary(id => id, id => (IReadOnlyList<string>)[$"{Saved[id].Seats} seats"]));
}

public sealed class SeatsSettings
{
    [Range(1, 500, ErrorMessage = "Seats must be between 1 and 500.")]
    public int Seats { get; set; } = 1;
}

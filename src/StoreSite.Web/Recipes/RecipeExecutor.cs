using System.Text.Json;
using StoreSite.Data;
using StoreSite.Recipes;
using StoreSite.Web.Data;
using StoreSite.Web.Hosting;
using StoreSite.Web.Modules;

namespace StoreSite.Web.Recipes;

/// <summary>
/// Runs a recipe's steps in order, in one transaction: an unknown step, a step of a module that is
/// not enabled at that point, or a bad value stops the recipe and nothing of it is applied.
/// </summary>
public sealed class RecipeExecutor(
    IServiceProvider services,
    SiteDatabase database,
    StoreSiteDbContext db,
    IEnumerable<IRecipeStep> steps,
    ModuleCatalog catalog,
    ModuleStateCache moduleStates,
    ILogger<RecipeExecutor> logger)
{
    /// <summary>Runs a recipe file; the result says what happened (errors are not thrown).</summary>
    public async Task<RecipeResult> ExecuteAsync(RecipeDescriptor recipe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(recipe.FilePath, cancellationToken);
        }
        catch (IOException ex)
        {
            return RecipeResult.Failed($"The recipe file cannot be read: {ex.Message}");
        }

        return await ExecuteAsync(json, Path.GetDirectoryName(Path.GetFullPath(recipe.FilePath)), cancellationToken);
    }

    /// <summary>Runs a recipe given as JSON text.</summary>
    public Task<RecipeResult> ExecuteAsync(string json, CancellationToken cancellationToken) => ExecuteAsync(json, null, cancellationToken);

    /// <summary>Runs a recipe given as JSON text whose files (e.g. release files) lie in <paramref name="folder"/>.</summary>
    public async Task<RecipeResult> ExecuteAsync(string json, string? folder, CancellationToken cancellationToken)
    {
        try
        {
            using var document = RecipeReader.Parse(json);
            IReadOnlyList<string> ran;
            await using (var transaction = await database.BeginTransactionAsync(cancellationToken))
            {
                ran = await RunStepsAsync(document.RootElement, folder, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await moduleStates.RefreshAsync(cancellationToken);
            return new RecipeResult(true, null, ran);
        }
        catch (RecipeException ex)
        {
            logger.LogWarning("Recipe stopped, nothing applied: {Problem}", ex.Message);
            return RecipeResult.Failed(ex.Message);
        }
    }

    /// <summary>
    /// Runs the steps inside the caller's transaction (setup uses this); throws
    /// <see cref="RecipeException"/> on the first problem.
    /// </summary>
    public Task<IReadOnlyList<string>> RunStepsAsync(JsonElement root, CancellationToken cancellationToken) => RunStepsAsync(root, null, cancellationToken);

    /// <summary>As <see cref="RunStepsAsync(JsonElement, CancellationToken)"/>, for a recipe whose files lie in <paramref name="folder"/>.</summary>
    public async Task<IReadOnlyList<string>> RunStepsAsync(JsonElement root, string? folder, CancellationToken cancellationToken)
    {
        var recipeName = RecipeReader.Describe(root, string.Empty).Name;
        if (RecipeReader.Property(root, "steps") is not { ValueKind: JsonValueKind.Array } stepArray)
        {
            throw new RecipeException("The recipe has no 'steps' array.");
        }

        var plan = new List<(IRecipeStep Handler, JsonElement Data, string Name, int Number)>();
        var number = 0;
        foreach (var data in stepArray.EnumerateArray())
        {
            number++;
            if (data.ValueKind != JsonValueKind.Object
                || RecipeReader.Property(data, "name") is not { ValueKind: JsonValueKind.String } nameElement
                || string.IsNullOrWhiteSpace(nameElement.GetString()))
            {
                throw new RecipeException(number, "?", "name", "Each step must be an object with a 'name'.");
            }

            var name = nameElement.GetString()!;
            var handler = steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new RecipeException(number, name, "name", $"Unknown step '{name}'. Known steps: {string.Join(", ", steps.Select(s => s.Name).Order(StringComparer.OrdinalIgnoreCase))}.");
            plan.Add((handler, data, handler.Name, number));
        }

        var enabled = new HashSet<string>(await moduleStates.ReadEnabledAsync(db, cancellationToken), StringComparer.OrdinalIgnoreCase);
        var ran = new List<string>();
        foreach (var (handler, data, name, stepNumber) in plan)
        {
            var module = catalog.FindByType(handler.GetType());
            if (module is not null && !enabled.Contains(module.Id))
            {
                throw new RecipeException(stepNumber, name, "name", $"Step '{name}' belongs to module '{module.Id}', which is not enabled; enable it first with a 'feature' step.");
            }

            var context = new RecipeStepContext(recipeName, name, stepNumber, data, enabled, services) { Folder = folder };
            try
            {
                await handler.ExecuteAsync(context, cancellationToken);
            }
            catch (RecipeException)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Recipe step {Step} failed", name);
                throw new RecipeException(stepNumber, name, string.Empty, $"The step failed: {ex.Message}");
            }

            ran.Add(name);
        }

        return ran;
    }
}

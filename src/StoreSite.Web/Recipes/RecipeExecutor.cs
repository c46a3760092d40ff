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
    /// <summary>Runs a recipe file (read as a stream, never whole); the result says what happened (errors are not thrown).</summary>
    public Task<RecipeResult> ExecuteAsync(RecipeDescriptor recipe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return ExecuteAsync(RecipeSource.FromFile(recipe.FilePath), Path.GetDirectoryName(Path.GetFullPath(recipe.FilePath)), cancellationToken);
    }

    /// <summary>Runs a recipe given as JSON text.</summary>
    public Task<RecipeResult> ExecuteAsync(string json, CancellationToken cancellationToken) => ExecuteAsync(json, null, cancellationToken);

    /// <summary>Runs a recipe given as JSON text whose files (e.g. release files) lie in <paramref name="folder"/>.</summary>
    public Task<RecipeResult> ExecuteAsync(string json, string? folder, CancellationToken cancellationToken) =>
        ExecuteAsync(RecipeSource.FromText(json), folder, cancellationToken);

    /// <summary>Runs a recipe whose files lie in <paramref name="folder"/> (null: none).</summary>
    public async Task<RecipeResult> ExecuteAsync(RecipeSource source, string? folder, CancellationToken cancellationToken)
    {
        try
        {
            using var layout = RecipeReader.Scan(source);
            IReadOnlyList<string> ran;
            await using (var transaction = await database.BeginTransactionAsync(cancellationToken))
            {
                ran = await RunStepsAsync(layout, folder, cancellationToken);
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return RecipeResult.Failed($"The recipe file cannot be read: {ex.Message}");
        }
    }

    /// <summary>
    /// Runs the steps inside the caller's transaction (setup uses this); throws
    /// <see cref="RecipeException"/> on the first problem.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunStepsAsync(RecipeSource source, string? folder, CancellationToken cancellationToken)
    {
        using var layout = RecipeReader.Scan(source);
        return await RunStepsAsync(layout, folder, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> RunStepsAsync(RecipeLayout layout, string? folder, CancellationToken cancellationToken)
    {
        var recipeName = RecipeReader.Describe(layout.Header, string.Empty).Name;
        if (!layout.HasSteps)
        {
            throw new RecipeException("The recipe has no 'steps' array.");
        }

        var plan = new List<(IRecipeStep Handler, RecipeLayout.Step Data, string Name, int Number)>();
        var number = 0;
        foreach (var data in layout.Steps)
        {
            number++;
            if (!data.IsObject || string.IsNullOrWhiteSpace(data.Name))
            {
                throw new RecipeException(number, "?", "name", "Each step must be an object with a 'name'.");
            }

            var name = data.Name;
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

            var streamed = (handler as IStreamingRecipeStep)?.StreamedProperty;
            using var document = RecipeReader.ReadStep(layout.Source, data, streamed);
            var context = new RecipeStepContext(recipeName, name, stepNumber, document.RootElement, enabled, services)
            {
                Folder = folder,
                Streamed = streamed is null ? null : Streamed(layout.Source, data, streamed),
            };
            try
            {
                await handler.ExecuteAsync(context, cancellationToken);
            }
            catch (RecipeException)
            {
                throw;
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new RecipeException($"The recipe is not valid JSON: {ex.Message}", ex);
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

    // The first property of that name, as the step's own reads would find it; null when absent.
    private static RecipeStreamedProperty? Streamed(RecipeSource source, RecipeLayout.Step step, string name) =>
        step.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } property
            ? new RecipeStreamedProperty(property.Name, source, property.ValueOffset, property.ValueLength, property.Kind)
            : null;
}

using CP.Commerce.Catalog;
using CP.Downloads.Releases;
using StoreSite.Files;
using StoreSite.Recipes;

namespace CP.Downloads.Recipes;

/// <summary>
/// <c>{"name": "Releases", "releases": [{"product": "gallery-pro" (slug), "version": "1.0.0", "notes": "…",
/// "file": "files/gallery-pro-1.0.0.zip" (relative to the recipe file), "published": true}]}</c>: adds
/// releases with their files. A file must lie inside the recipe's folder. Every entry is checked before
/// any file is stored; the first problem stops the recipe naming the entry and field, and the files this
/// step stored before a later refusal are removed again (their rows roll back with the recipe).
/// </summary>
public sealed class ReleasesStep(ReleaseUploads uploads, IProductCatalog catalog, IFileStore files) : IRecipeStep
{
    public string Name => "Releases";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = new List<(string Path, ReleaseUpload Upload, string File)>();
        foreach (var (item, path) in context.Array(context.Data, "releases", "releases"))
        {
            context.RequireObject(item, path);
            var slug = context.RequiredString(item, "product", $"{path}.product");
            var productId = await catalog.FindProductIdAsync(slug, cancellationToken)
                ?? throw context.Error($"{path}.product", $"no product has the slug '{slug}'.");
            var file = context.ResolveFile(context.RequiredString(item, "file", $"{path}.file"), $"{path}.file");
            var upload = new ReleaseUpload(
                productId,
                context.RequiredString(item, "version", $"{path}.version"),
                context.OptionalString(item, "notes", $"{path}.notes"),
                context.OptionalBool(item, "published", $"{path}.published") ?? true,
                Path.GetFileName(file),
                Stream.Null);
            if (ReleaseUploads.Check(upload, out _, out _) is { } refused)
            {
                throw context.Error($"{path}.{refused.Field ?? "product"}", Problem(refused.Problem!, refused.Detail));
            }

            entries.Add((path, upload, file));
        }

        var stored = new List<string>();
        try
        {
            foreach (var (path, upload, file) in entries)
            {
                await using var content = File.OpenRead(file);
                var outcome = await uploads.CreateAsync(upload with { Content = content }, cancellationToken);
                if (!outcome.Succeeded)
                {
                    throw context.Error($"{path}.{outcome.Field ?? "product"}", Problem(outcome.Problem!, outcome.Detail));
                }

                stored.Add(outcome.Value!.StoredName);
            }
        }
        catch
        {
            foreach (var name in stored)
            {
                await files.DeleteAsync(name, CancellationToken.None);
            }

            throw;
        }
    }

    private static string Problem(string problem, string? detail) => problem switch
    {
        ReleaseProblems.VersionRequired => "is required.",
        ReleaseProblems.VersionNotSemVer => "is not a SemVer version (e.g. 1.4.0 or 2.0.0-beta.1).",
        ReleaseProblems.VersionTaken => "the product has a release with this version already.",
        ReleaseProblems.NotesTooLong => $"must be at most {Data.ReleaseConfiguration.NotesMaxLength} characters.",
        ReleaseProblems.FileEmpty => "the file is empty.",
        ReleaseProblems.FileTooLarge => $"the file is larger than the upload limit of {detail} MB.",
        ReleaseProblems.FileNameInvalid => "the file name must be a plain name of at most 200 characters.",
        _ => $"refused ({problem}).",
    };
}

namespace StoreSite.Settings;

/// <summary>
/// Stored site settings, one JSON document per section (Orchard's site settings). Reads and
/// writes go through the scope's database, so a recipe's settings commit with the recipe.
/// </summary>
public interface ISiteSettingsStore
{
    /// <summary>The section's settings, or a new <typeparamref name="T"/> when never saved.</summary>
    Task<T> GetAsync<T>(string section, CancellationToken cancellationToken)
        where T : class, new();

    Task SaveAsync<T>(string section, T settings, CancellationToken cancellationToken)
        where T : class;
}

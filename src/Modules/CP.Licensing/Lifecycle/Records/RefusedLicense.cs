namespace CP.Licensing.Lifecycle.Records;

/// <summary>A license of an import that the database refused: its key is on the site already or earlier in the import.</summary>
/// <param name="Number">Its place in the import, 0-based.</param>
public sealed record RefusedLicense(int Number, string Key);

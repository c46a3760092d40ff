namespace CP.Downloads.Releases;

/// <summary>What an upload (the admin form or the recipe step) asks to store: <paramref name="Content"/> is read once, to its end.</summary>
public sealed record ReleaseUpload(int ProductId, string? Version, string? Notes, bool Published, string? FileName, Stream? Content);

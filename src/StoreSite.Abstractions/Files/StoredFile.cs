namespace StoreSite.Files;

/// <summary>A file as <see cref="IFileStore.PutAsync"/> stored it: its name, length and SHA-256 (lower-case hex).</summary>
public sealed record StoredFile(string Name, long Length, string Sha256);

namespace StoreSite.Files;

/// <summary>
/// Where the store keeps files (release files): the folder <c>&lt;AppData&gt;/files</c> or an
/// S3-compatible bucket, chosen by <c>StoreSite__Files__Provider</c>. Content is streamed both
/// ways, never held whole in memory. A name is a <see cref="StoredFileName"/>.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Stores <paramref name="content"/> read to its end under <paramref name="name"/>, replacing
    /// what was there, and answers its length and SHA-256. The file appears only complete: when
    /// the content fails or the call is cancelled halfway, nothing is left under the name.
    /// </summary>
    Task<StoredFile> PutAsync(string name, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Reads <paramref name="count"/> bytes (to the end when null) from <paramref name="offset"/>,
    /// which must lie inside the file. Throws <see cref="FileNotFoundException"/> when there is no such file.
    /// </summary>
    Task<Stream> OpenReadAsync(string name, long offset, long? count, CancellationToken cancellationToken);

    /// <summary>The file's length in bytes, or null when there is no such file.</summary>
    Task<long?> LengthAsync(string name, CancellationToken cancellationToken);

    /// <summary>Whether a file of that name exists.</summary>
    async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await LengthAsync(name, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Removes the file; answers false when there was none.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}

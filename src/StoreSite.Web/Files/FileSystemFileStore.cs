using System.Buffers;
using Microsoft.Extensions.Options;
using StoreSite.Files;
using StoreSite.Web.Hosting;

namespace StoreSite.Web.Files;

/// <summary>
/// The file store on disk: <c>StoreSite:Files:Path</c>, by default <c>&lt;AppData&gt;/files</c>. A put
/// writes a temporary file beside the target and renames it over the target only once complete.
/// </summary>
public sealed class FileSystemFileStore : IFileStore
{
    private const int BufferSize = 81920;

    public FileSystemFileStore(IOptions<FilesOptions> options, AppDataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        Root = string.IsNullOrWhiteSpace(options.Value.Path)
            ? Path.Combine(paths.Root, "files")
            : Path.GetFullPath(options.Value.Path, paths.Root);
    }

    /// <summary>The folder the files are in.</summary>
    public string Root { get; }

    public async Task<StoredFile> PutAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var reader = new HashingReader(content);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await reader.FillAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target, overwrite: true);
            return new StoredFile(name, reader.Length, reader.Sha256());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(partial);
        }
    }

    public Task<Stream> OpenReadAsync(string name, long offset, long? count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var path = PathOf(name);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"No stored file '{name}'.", name);
        }

        if (offset > file.Length)
        {
            file.Dispose();
            throw new ArgumentOutOfRangeException(nameof(offset), $"Offset {offset} lies past the end of '{name}'.");
        }

        file.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream>(count is { } n ? new LengthLimitedStream(file, n) : file);
    }

    public Task<long?> LengthAsync(string name, CancellationToken cancellationToken)
    {
        var info = new FileInfo(PathOf(name));
        return Task.FromResult<long?>(info.Exists ? info.Length : null);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    private string PathOf(string name) =>
        Path.Combine(Root, StoredFileName.Check(name).Replace('/', Path.DirectorySeparatorChar));
}

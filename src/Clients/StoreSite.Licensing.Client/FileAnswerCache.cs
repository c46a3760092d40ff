using System.Text.Json;

namespace StoreSite.Licensing.Client;

/// <summary>
/// An <see cref="IAnswerCache"/> in one JSON file: <c>{"body": base64, "signature": base64}</c>.
/// Written to a temporary file first and moved into place, so a crash never leaves half a file.
/// A file that cannot be read or parsed counts as no answer.
/// </summary>
public sealed class FileAnswerCache : IAnswerCache
{
    private readonly string path;

    /// <summary>A cache kept at <paramref name="path"/> (its folder is created when needed).</summary>
    public FileAnswerCache(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public async Task<SignedAnswer?> LoadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("signature", out var signature) || signature.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new SignedAnswer(body.GetBytesFromBase64(), signature.GetBytesFromBase64());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(SignedAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var json = new Utf8JsonWriter(stream);
                await using (json.ConfigureAwait(false))
                {
                    json.WriteStartObject();
                    json.WriteBase64String("body", answer.Body.Span);
                    json.WriteBase64String("signature", answer.Signature.Span);
                    json.WriteEndObject();
                    await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }
}

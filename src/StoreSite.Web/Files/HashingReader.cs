using System.Security.Cryptography;

namespace StoreSite.Web.Files;

/// <summary>
/// Reads a source stream in buffer-sized chunks and keeps its length and SHA-256 as it goes, so a
/// store writes a file in one pass without holding it whole.
/// </summary>
internal sealed class HashingReader(Stream source) : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Length { get; private set; }

    /// <summary>Fills <paramref name="buffer"/> as far as the source goes; answers the bytes read (0 at the end).</summary>
    public async Task<int> FillAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await source.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        hash.AppendData(buffer.Span[..filled]);
        Length += filled;
        return filled;
    }

    /// <summary>The SHA-256 of everything read, lower-case hex.</summary>
    public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();
}

using StoreSite.Files;

namespace CP.Downloads.Links;

/// <summary>
/// A release's stored file as a seekable, read-only stream of known length, so that ASP.NET Core's own
/// range processing (Range, If-Range, 206, 416) serves it: seeking costs nothing, and the first read
/// after a seek opens the store at that offset (<see cref="IFileStore.OpenReadAsync"/>: a seek on disk,
/// a ranged GetObject on S3). Nothing is buffered beyond the copy's own buffer.
/// </summary>
public sealed class ReleaseFileStream(IFileStore store, string storedName, long length) : Stream
{
    private Stream? _inner;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
        {
            _inner?.Dispose();
            _inner = null;
            _position = target;
        }

        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        _inner ??= await store.OpenReadAsync(storedName, _position, length - _position, cancellationToken).ConfigureAwait(false);
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Only asynchronous reads: the store is read over the network for S3.</summary>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the release file asynchronously.");

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (_inner is not null)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            _inner = null;
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner?.Dispose();
            _inner = null;
        }

        base.Dispose(disposing);
    }
}

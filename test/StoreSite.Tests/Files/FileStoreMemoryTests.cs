using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using StoreSite.Files;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Files;
using StoreSite.Web.Hosting;

namespace StoreSite.Tests.Files;

/// <summary>No other test runs while these measure the process's allocations.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FileStoreMemoryCollection
{
    public const string Name = "File store memory";
}

/// <summary>
/// A 64 MiB file goes into each store and back out while the process allocates far less than the
/// file: the stores stream, they never hold a file whole.
/// </summary>
[Collection(FileStoreMemoryCollection.Name)]
public sealed class FileStoreMemoryTests
{
    private const long FileSize = 64L * 1024 * 1024;
    private const long AllowedAllocations = 16L * 1024 * 1024;

    [Fact]
    public async Task FileSystem_stores_and_reads_64_MiB_allocating_far_less()
    {
        var appData = Path.Combine(Path.GetTempPath(), "storesite-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var paths = new AppDataPaths(Options.Create(new StoreSiteOptions { AppData = appData }), new HostingEnvironment { ContentRootPath = appData });
            await AssertStreamsAsync(new FileSystemFileStore(Options.Create(new FilesOptions()), paths));
        }
        finally
        {
            Directory.Delete(appData, recursive: true);
        }
    }

    [S3Fact]
    public async Task S3_stores_and_reads_64_MiB_allocating_far_less()
    {
        using var store = new S3FileStore(Options.Create(await S3Server.CreateBucketAsync()));
        await AssertStreamsAsync(store);
    }

    private static async Task AssertStreamsAsync(IFileStore store)
    {
        // Warm up the store's and the SDK's one-time allocations (clients, pools) before measuring.
        await store.PutAsync("warm.bin", new GeneratedStream(S3FileStore.PartSize + 1), default);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stored = await store.PutAsync("large.bin", new GeneratedStream(FileSize), default);
        long read = 0;
        await using (var stream = await store.OpenReadAsync("large.bin", 0, null, default))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                read += n;
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(FileSize, stored.Length);
        Assert.Equal(FileSize, read);
        Assert.True(allocated < AllowedAllocations, $"Storing and reading {FileSize:N0} bytes allocated {allocated:N0} bytes.");
    }

    /// <summary>A long run of bytes made as they are read, so the test itself holds none of them.</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = (byte)((position + i) * 31 % 251);
            }

            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

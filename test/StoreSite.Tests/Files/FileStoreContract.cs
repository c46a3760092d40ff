using System.Security.Cryptography;
using StoreSite.Files;

namespace StoreSite.Tests.Files;

/// <summary>
/// What every <see cref="IFileStore"/> does, whichever provider: each case is written once here and
/// run by <see cref="FileSystemFileStoreTests"/> and <see cref="S3FileStoreTests"/>, which also look
/// at what the provider actually holds (the folder, the S3 server's data).
/// </summary>
public abstract class FileStoreContract
{
    protected abstract IFileStore Store { get; }

    /// <summary>The bytes the provider itself holds under <paramref name="name"/>, or null when it holds none.</summary>
    protected abstract byte[]? HeldDirectly(string name);

    /// <summary>Every name the provider holds anything under, partial or not.</summary>
    protected abstract IReadOnlyList<string> EverythingHeld();

    protected static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected async Task A_file_put_reads_back_whole_with_its_length_and_sha256()
    {
        var content = Bytes(70_000);

        var stored = await Store.PutAsync("releases/1/plugin-1.0.0.zip", new MemoryStream(content), default);

        Assert.Equal(new StoredFile("releases/1/plugin-1.0.0.zip", 70_000, Convert.ToHexStringLower(SHA256.HashData(content))), stored);
        Assert.Equal(content, await ReadAsync("releases/1/plugin-1.0.0.zip", 0, null));
        Assert.Equal(content, HeldDirectly("releases/1/plugin-1.0.0.zip"));
        Assert.Equal(70_000, await Store.LengthAsync("releases/1/plugin-1.0.0.zip", default));
        Assert.True(await Store.ExistsAsync("releases/1/plugin-1.0.0.zip", default));
    }

    protected async Task A_range_reads_only_its_bytes()
    {
        var content = Bytes(10_000, seed: 2);
        await Store.PutAsync("ranges/file.bin", new MemoryStream(content), default);

        Assert.Equal(content[100..600], await ReadAsync("ranges/file.bin", 100, 500));
        Assert.Equal(content[9_990..], await ReadAsync("ranges/file.bin", 9_990, null));
        Assert.Equal(content[..1], await ReadAsync("ranges/file.bin", 0, 1));
        Assert.Empty(await ReadAsync("ranges/file.bin", 10_000, null));
    }

    protected async Task A_file_larger_than_an_upload_part_is_stored_whole()
    {
        var content = Bytes(12 * 1024 * 1024 + 17, seed: 3);

        var stored = await Store.PutAsync("big/file.bin", new TrickleStream(content), default);

        Assert.Equal(content.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        var boundary = 5 * 1024 * 1024;
        Assert.Equal(content[(boundary - 10)..(boundary + 10)], await ReadAsync("big/file.bin", boundary - 10, 20));
        Assert.Equal(content, HeldDirectly("big/file.bin"));
    }

    protected async Task An_empty_file_is_a_file()
    {
        var stored = await Store.PutAsync("empty.txt", new MemoryStream(), default);

        Assert.Equal(0, stored.Length);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stored.Sha256);
        Assert.Equal(0, await Store.LengthAsync("empty.txt", default));
        Assert.Empty(await ReadAsync("empty.txt", 0, null));
    }

    protected async Task A_put_replaces_the_file()
    {
        await Store.PutAsync("same.txt", new MemoryStream("first"u8.ToArray()), default);
        await Store.PutAsync("same.txt", new MemoryStream("second"u8.ToArray()), default);

        Assert.Equal("second"u8.ToArray(), await ReadAsync("same.txt", 0, null));
        Assert.Equal(["same.txt"], EverythingHeld());
    }

    protected async Task A_missing_file_has_no_length_cannot_be_read_and_deletes_as_false()
    {
        Assert.Null(await Store.LengthAsync("nothing/here.zip", default));
        Assert.False(await Store.ExistsAsync("nothing/here.zip", default));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync("nothing/here.zip", 0, null, default));
        Assert.False(await Store.DeleteAsync("nothing/here.zip", default));
    }

    protected async Task A_deleted_file_is_gone()
    {
        await Store.PutAsync("gone/file.txt", new MemoryStream("bytes"u8.ToArray()), default);

        Assert.True(await Store.DeleteAsync("gone/file.txt", default));

        Assert.False(await Store.ExistsAsync("gone/file.txt", default));
        Assert.Null(HeldDirectly("gone/file.txt"));
        Assert.False(await Store.DeleteAsync("gone/file.txt", default));
    }

    /// <param name="length">Where the content breaks: inside the first part, or after a whole part went up.</param>
    protected async Task Content_that_fails_halfway_leaves_nothing(int length)
    {
        var broken = new BreakingStream(Bytes(length, seed: 4));

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync("half/file.zip", broken, default));

        Assert.False(await Store.ExistsAsync("half/file.zip", default));
        Assert.Null(HeldDirectly("half/file.zip"));
        Assert.Empty(EverythingHeld());
    }

    protected async Task A_failed_replacement_keeps_the_old_file()
    {
        await Store.PutAsync("kept.txt", new MemoryStream("old"u8.ToArray()), default);

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync("kept.txt", new BreakingStream(Bytes(1000)), default));

        Assert.Equal("old"u8.ToArray(), await ReadAsync("kept.txt", 0, null));
        Assert.Equal(["kept.txt"], EverythingHeld());
    }

    protected async Task Names_that_could_leave_the_store_are_refused()
    {
        foreach (var name in new[] { "../outside.txt", "a/../../b", "/rooted", "a//b", "Upper.txt", "a\\b", "..", "a/./b", "" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(name, new MemoryStream([1]), default));
        }

        Assert.Empty(EverythingHeld());
    }

    private async Task<byte[]> ReadAsync(string name, long offset, long? count)
    {
        await using var stream = await Store.OpenReadAsync(name, offset, count, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Gives its bytes a few at a time, as a network request body does.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7_919)], cancellationToken);
    }

    /// <summary>Gives its bytes, then fails like a connection dropped mid-upload.</summary>
    private sealed class BreakingStream(byte[] content) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read == 0 ? throw new IOException("The client went away.") : read;
        }
    }
}

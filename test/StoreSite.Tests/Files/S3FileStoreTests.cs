using Microsoft.Extensions.Options;
using StoreSite.Files;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Files;

namespace StoreSite.Tests.Files;

/// <summary>
/// The file store contract against the real S3-compatible server (s3rver, started by <c>.ci/run</c>),
/// each test on its own bucket; what the server holds is read straight from its data folder.
/// </summary>
public sealed class S3FileStoreTests : FileStoreContract, IAsyncLifetime
{
    private FilesOptions options = null!;
    private S3FileStore store = null!;

    protected override IFileStore Store => store;

    public async Task InitializeAsync()
    {
        if (S3Server.ServiceUrl is null || S3Server.DataFolder is null)
        {
            return;
        }

        options = await S3Server.CreateBucketAsync();
        store = new S3FileStore(Options.Create(options));
    }

    public Task DisposeAsync()
    {
        store?.Dispose();
        return Task.CompletedTask;
    }

    protected override byte[]? HeldDirectly(string name)
    {
        var path = S3Server.ObjectPath(options.Bucket!, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>
    /// The keys of the bucket's objects. The parts of an unfinished multipart upload
    /// (<c>._S3rver_uploads/</c>) are no object: s3rver cannot abort an upload (405), so it keeps
    /// them where no read sees them; S3 itself aborts them (and a bucket lifecycle rule drops any left).
    /// </summary>
    protected override IReadOnlyList<string> EverythingHeld()
    {
        var bucket = Path.Combine(S3Server.DataFolder!, options.Bucket!);
        const string suffix = "._S3rver_object";
        return Directory.EnumerateFiles(bucket, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bucket, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("._S3rver_uploads/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("._S3rver_metadata.json", StringComparison.Ordinal) && !f.EndsWith(suffix + ".md5", StringComparison.Ordinal))
            .Select(f => f.EndsWith(suffix, StringComparison.Ordinal) ? f[..^suffix.Length] : f)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [S3Fact]
    public Task S3_put_reads_back_whole_with_its_length_and_sha256() => A_file_put_reads_back_whole_with_its_length_and_sha256();

    [S3Fact]
    public Task S3_range_reads_only_its_bytes() => A_range_reads_only_its_bytes();

    [S3Fact]
    public Task S3_file_larger_than_an_upload_part_is_stored_whole() => A_file_larger_than_an_upload_part_is_stored_whole();

    [S3Fact]
    public Task S3_empty_file_is_a_file() => An_empty_file_is_a_file();

    [S3Fact]
    public Task S3_put_replaces_the_file() => A_put_replaces_the_file();

    [S3Fact]
    public Task S3_missing_file_has_no_length_cannot_be_read_and_deletes_as_false() => A_missing_file_has_no_length_cannot_be_read_and_deletes_as_false();

    [S3Fact]
    public Task S3_deleted_file_is_gone() => A_deleted_file_is_gone();

    [S3Fact]
    public Task S3_content_failing_inside_the_first_part_leaves_nothing() => Content_that_fails_halfway_leaves_nothing(200_000);

    [S3Fact]
    public Task S3_content_failing_after_a_whole_part_leaves_nothing() => Content_that_fails_halfway_leaves_nothing(7 * 1024 * 1024);

    [S3Fact]
    public Task S3_failed_replacement_keeps_the_old_file() => A_failed_replacement_keeps_the_old_file();

    [S3Fact]
    public Task S3_refuses_names_that_could_leave_the_store() => Names_that_could_leave_the_store_are_refused();
}

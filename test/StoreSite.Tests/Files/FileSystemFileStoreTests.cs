using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using StoreSite.Files;
using StoreSite.Web.Files;
using StoreSite.Web.Hosting;

namespace StoreSite.Tests.Files;

/// <summary>The file store contract on disk, in a temporary <c>&lt;AppData&gt;/files</c>.</summary>
public sealed class FileSystemFileStoreTests : FileStoreContract, IDisposable
{
    private readonly string appData = Path.Combine(Path.GetTempPath(), "storesite-tests", Guid.NewGuid().ToString("N"));
    private readonly FileSystemFileStore store;

    public FileSystemFileStoreTests()
    {
        var paths = new AppDataPaths(Options.Create(new StoreSiteOptions { AppData = appData }), new HostingEnvironment { ContentRootPath = appData });
        store = new FileSystemFileStore(Options.Create(new FilesOptions()), paths);
    }

    protected override IFileStore Store => store;

    protected override byte[]? HeldDirectly(string name)
    {
        var path = Path.Combine(store.Root, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    protected override IReadOnlyList<string> EverythingHeld() =>
        Directory.Exists(store.Root)
            ? Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(store.Root, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Dispose() => Directory.Delete(appData, recursive: true);

    [Fact]
    public void The_default_folder_is_files_in_app_data() => Assert.Equal(Path.Combine(appData, "files"), store.Root);

    [Fact]
    public Task FileSystem_put_reads_back_whole_with_its_length_and_sha256() => A_file_put_reads_back_whole_with_its_length_and_sha256();

    [Fact]
    public Task FileSystem_range_reads_only_its_bytes() => A_range_reads_only_its_bytes();

    [Fact]
    public Task FileSystem_file_larger_than_an_upload_part_is_stored_whole() => A_file_larger_than_an_upload_part_is_stored_whole();

    [Fact]
    public Task FileSystem_empty_file_is_a_file() => An_empty_file_is_a_file();

    [Fact]
    public Task FileSystem_put_replaces_the_file() => A_put_replaces_the_file();

    [Fact]
    public Task FileSystem_missing_file_has_no_length_cannot_be_read_and_deletes_as_false() => A_missing_file_has_no_length_cannot_be_read_and_deletes_as_false();

    [Fact]
    public Task FileSystem_deleted_file_is_gone() => A_deleted_file_is_gone();

    [Fact]
    public Task FileSystem_content_failing_halfway_leaves_no_half_file() => Content_that_fails_halfway_leaves_nothing(200_000);

    [Fact]
    public Task FileSystem_failed_replacement_keeps_the_old_file() => A_failed_replacement_keeps_the_old_file();

    [Fact]
    public Task FileSystem_refuses_names_that_could_leave_the_store() => Names_that_could_leave_the_store_are_refused();
}

using Microsoft.Extensions.DependencyInjection;
using StoreSite.Files;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Files;

namespace StoreSite.Tests.Files;

/// <summary><c>StoreSite:Files</c>: which store a site uses, and the settings that fail its start.</summary>
public sealed class FileStoreSettingsTests
{
    [Fact]
    public async Task A_site_keeps_its_files_in_app_data_by_default()
    {
        await using var site = TestSite.Start(o => o.Recipe = null);

        var store = Assert.IsType<FileSystemFileStore>(site.Services.GetRequiredService<IFileStore>());

        Assert.Equal(Path.Combine(site.AppData, "files"), store.Root);
    }

    [S3Fact]
    public async Task A_site_set_to_S3_keeps_its_files_in_the_bucket()
    {
        var bucket = await S3Server.CreateBucketAsync();
        await using var site = TestSite.Start(o =>
        {
            o.Recipe = null;
            S3Server.Apply(bucket, o.Settings);
        });

        var store = site.Services.GetRequiredService<IFileStore>();
        await store.PutAsync("probe.txt", new MemoryStream("from the site"u8.ToArray()), default);

        Assert.IsType<S3FileStore>(store);
        Assert.Equal("from the site"u8.ToArray(), await File.ReadAllBytesAsync(S3Server.ObjectPath(bucket.Bucket!, "probe.txt")));
    }

    [Theory]
    [InlineData("Ftp", null, null, "StoreSite:Files:Provider must be 'FileSystem' or 'S3', not 'Ftp'.")]
    [InlineData("S3", null, "http://127.0.0.1:9000", "StoreSite:Files:Bucket is required when StoreSite:Files:Provider is S3.")]
    [InlineData("S3", "files", null, "StoreSite:Files:Region or StoreSite:Files:ServiceUrl is required when StoreSite:Files:Provider is S3.")]
    [InlineData("S3", "files", "not an address", "StoreSite:Files:ServiceUrl must be an absolute address such as http://127.0.0.1:4568.")]
    public void Wrong_settings_are_named(string provider, string? bucket, string? serviceUrl, string message)
    {
        var result = new FilesOptionsValidator().Validate(null, new FilesOptions { Provider = provider, Bucket = bucket, ServiceUrl = serviceUrl });

        Assert.Contains(message, result.Failures!);
    }

    [Fact]
    public void An_access_key_without_its_secret_and_a_zero_upload_limit_are_named()
    {
        var result = new FilesOptionsValidator().Validate(null, new FilesOptions { AccessKey = "key", MaxUploadMegabytes = 0 });

        Assert.Contains("StoreSite:Files:AccessKey and StoreSite:Files:SecretKey go together: set both or neither.", result.Failures!);
        Assert.Contains("StoreSite:Files:MaxUploadMegabytes must be between 1 and 1048576.", result.Failures!);
    }

    [Fact]
    public void The_defaults_are_valid_and_allow_512_MiB()
    {
        var options = new FilesOptions();

        Assert.True(new FilesOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(512L * 1024 * 1024, options.MaxUploadBytes);
    }

    [Fact]
    public async Task A_site_with_a_wrong_provider_does_not_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var site = TestSite.Start(o =>
            {
                o.Recipe = null;
                o.Settings["StoreSite:Files:Provider"] = "Ftp";
            });
        });

        Assert.Contains("StoreSite:Files:Provider must be 'FileSystem' or 'S3', not 'Ftp'.", failure.ToString(), StringComparison.Ordinal);
    }
}

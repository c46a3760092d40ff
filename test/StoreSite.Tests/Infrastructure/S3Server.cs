using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using StoreSite.Files;

namespace StoreSite.Tests.Infrastructure;

/// <summary>
/// The real S3-compatible server the S3 tests use: the one <c>.ci/run</c> starts (s3rver on
/// 127.0.0.1), its address in <see cref="EnvironmentVariable"/> and its data folder in
/// <see cref="DataEnvironmentVariable"/> so that tests can check what it stored. Without them the
/// S3 tests skip (<see cref="S3FactAttribute"/>). Each test gets its own bucket.
/// </summary>
public static class S3Server
{
    public const string EnvironmentVariable = "STORESITE_TEST_S3";
    public const string DataEnvironmentVariable = "STORESITE_TEST_S3_DATA";

    /// <summary>s3rver's fixed credentials.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    public static string? ServiceUrl => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } url ? url : null;

    public static string? DataFolder => Environment.GetEnvironmentVariable(DataEnvironmentVariable) is { Length: > 0 } dir ? dir : null;

    /// <summary>A new empty bucket and the file settings that name it.</summary>
    public static async Task<FilesOptions> CreateBucketAsync()
    {
        var options = new FilesOptions
        {
            Provider = FilesOptions.S3Provider,
            Bucket = "storesite-" + Guid.NewGuid().ToString("N")[..16],
            ServiceUrl = ServiceUrl ?? throw new InvalidOperationException($"Set {EnvironmentVariable} (bash .ci/run does)."),
            Region = "us-east-1",
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            ForcePathStyle = true,
        };
        using var client = new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config { ServiceURL = options.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = options.Region });
        await client.PutBucketAsync(new PutBucketRequest { BucketName = options.Bucket });
        return options;
    }

    /// <summary>The settings a test site needs to keep its files in <paramref name="options"/>'s bucket.</summary>
    public static void Apply(FilesOptions options, Dictionary<string, string?> settings)
    {
        settings["StoreSite:Files:Provider"] = options.Provider;
        settings["StoreSite:Files:Bucket"] = options.Bucket;
        settings["StoreSite:Files:ServiceUrl"] = options.ServiceUrl;
        settings["StoreSite:Files:Region"] = options.Region;
        settings["StoreSite:Files:AccessKey"] = options.AccessKey;
        settings["StoreSite:Files:SecretKey"] = options.SecretKey;
        settings["StoreSite:Files:ForcePathStyle"] = "true";
    }

    /// <summary>The file s3rver keeps an object's bytes in, read straight from its data folder.</summary>
    public static string ObjectPath(string bucket, string key) =>
        Path.Combine(DataFolder ?? throw new InvalidOperationException($"Set {DataEnvironmentVariable} (bash .ci/run does)."), bucket, key.Replace('/', Path.DirectorySeparatorChar) + "._S3rver_object");
}

/// <summary>A fact that needs the S3 server; skipped when <see cref="S3Server.EnvironmentVariable"/> is not set.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (S3Server.ServiceUrl is null || S3Server.DataFolder is null)
        {
            Skip = $"No S3 server: set {S3Server.EnvironmentVariable} and {S3Server.DataEnvironmentVariable} (bash .ci/run starts s3rver and sets both).";
        }
    }
}

using Microsoft.Extensions.Options;
using StoreSite.Files;

namespace StoreSite.Web.Files;

/// <summary>Fails the start with a message naming the <c>StoreSite:Files</c> key that is wrong.</summary>
public sealed class FilesOptionsValidator : IValidateOptions<FilesOptions>
{
    public ValidateOptionsResult Validate(string? name, FilesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var s3 = string.Equals(options.Provider, FilesOptions.S3Provider, StringComparison.OrdinalIgnoreCase);
        if (!s3 && !string.Equals(options.Provider, FilesOptions.FileSystemProvider, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"StoreSite:Files:Provider must be 'FileSystem' or 'S3', not '{options.Provider}'.");
        }

        if (s3 && string.IsNullOrWhiteSpace(options.Bucket))
        {
            failures.Add("StoreSite:Files:Bucket is required when StoreSite:Files:Provider is S3.");
        }

        if (s3 && string.IsNullOrWhiteSpace(options.ServiceUrl) && string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add("StoreSite:Files:Region or StoreSite:Files:ServiceUrl is required when StoreSite:Files:Provider is S3.");
        }

        if (!string.IsNullOrWhiteSpace(options.ServiceUrl) && !Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out _))
        {
            failures.Add("StoreSite:Files:ServiceUrl must be an absolute address such as http://127.0.0.1:4568.");
        }

        if (string.IsNullOrWhiteSpace(options.AccessKey) != string.IsNullOrWhiteSpace(options.SecretKey))
        {
            failures.Add("StoreSite:Files:AccessKey and StoreSite:Files:SecretKey go together: set both or neither.");
        }

        if (options.MaxUploadMegabytes is < 1 or > 1024 * 1024)
        {
            failures.Add("StoreSite:Files:MaxUploadMegabytes must be between 1 and 1048576.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using StoreSite.Files;

namespace StoreSite.Web.Files;

/// <summary>
/// The file store in an S3 bucket (AWS or any S3-compatible server), through AWSSDK.S3. A put reads
/// the content in 5 MiB parts (S3's smallest multipart part), so memory stays at one part per
/// upload: a file smaller than a part is one PUT; a larger one is a multipart upload that becomes
/// visible only when completed and is aborted when the content fails.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    public const int PartSize = 5 * 1024 * 1024;

    // Parts are whole in memory anyway, so each is signed as one payload rather than in aws-chunked
    // encoding, which S3-compatible servers do not all decode (s3rver stores the chunk headers).

    private readonly AmazonS3Client client;
    private readonly string bucket;

    public S3FileStore(IOptions<FilesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        bucket = settings.Bucket ?? throw new InvalidOperationException("StoreSite:Files:Bucket is required when StoreSite:Files:Provider is S3.");
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            // Checksums only where S3 requires them: S3-compatible servers do not all know the newer trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.ServiceURL = settings.ServiceUrl;
        }

        if (!string.IsNullOrWhiteSpace(settings.Region))
        {
            config.AuthenticationRegion = settings.Region;
            if (string.IsNullOrWhiteSpace(settings.ServiceUrl))
            {
                config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
            }
        }

        client = string.IsNullOrWhiteSpace(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public async Task<StoredFile> PutAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        StoredFileName.Check(name);
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            using var reader = new HashingReader(content);
            var read = await reader.FillAsync(buffer.AsMemory(0, PartSize), cancellationToken).ConfigureAwait(false);
            if (read < PartSize)
            {
                using var single = new MemoryStream(buffer, 0, read, writable: false);
                await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = name, InputStream = single, AutoCloseStream = false, UseChunkEncoding = false }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await PutInPartsAsync(name, reader, buffer, read, cancellationToken).ConfigureAwait(false);
            }

            return new StoredFile(name, reader.Length, reader.Sha256());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<Stream> OpenReadAsync(string name, long offset, long? count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        StoredFileName.Check(name);
        if (count == 0)
        {
            return await LengthAsync(name, cancellationToken).ConfigureAwait(false) is null
                ? throw new FileNotFoundException($"No stored file '{name}'.", name)
                : Stream.Null;
        }

        var request = new GetObjectRequest { BucketName = bucket, Key = name };
        if (offset > 0 || count is not null)
        {
            request.ByteRange = count is { } n ? new ByteRange(offset, offset + n - 1) : new ByteRange($"bytes={offset}-");
        }

        try
        {
            var response = await client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            // Held to the count asked for even when a server widens a range (s3rver answers bytes=0-0 whole).
            return count is { } limit ? new LengthLimitedStream(response.ResponseStream, limit) : response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"No stored file '{name}'.", name, e);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // S3 refuses a range that starts at the end; the contract reads nothing there.
            return await LengthAsync(name, cancellationToken).ConfigureAwait(false) == offset
                ? Stream.Null
                : throw new ArgumentOutOfRangeException($"Offset {offset} lies past the end of '{name}'.", e);
        }
    }

    public async Task<long?> LengthAsync(string name, CancellationToken cancellationToken)
    {
        StoredFileName.Check(name);
        try
        {
            var metadata = await client.GetObjectMetadataAsync(bucket, name, cancellationToken).ConfigureAwait(false);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await LengthAsync(name, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await client.DeleteObjectAsync(bucket, name, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => client.Dispose();

    private async Task PutInPartsAsync(string name, HashingReader reader, byte[] buffer, int read, CancellationToken cancellationToken)
    {
        var upload = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = name }, cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            for (var number = 1; read > 0; number++)
            {
                using (var part = new MemoryStream(buffer, 0, read, writable: false))
                {
                    var uploaded = await client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = bucket,
                        Key = name,
                        UploadId = upload.UploadId,
                        PartNumber = number,
                        InputStream = part,
                        PartSize = read,
                        UseChunkEncoding = false,
                    }, cancellationToken).ConfigureAwait(false);
                    parts.Add(new PartETag(number, uploaded.ETag));
                }

                read = await reader.FillAsync(buffer.AsMemory(0, PartSize), cancellationToken).ConfigureAwait(false);
            }

            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = name,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbortAsync(name, upload.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Drops an unfinished upload's parts. The object never appeared, so a server that cannot abort
    /// (s3rver answers 405) only keeps parts nobody sees until its own clean-up; the content's
    /// failure is what the caller hears.
    /// </summary>
    private async Task AbortAsync(string name, string uploadId)
    {
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = name, UploadId = uploadId }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AmazonS3Exception)
        {
        }
    }
}

using System.Data.Common;
using CP.Downloads.Log;
using CP.Downloads.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CP.Downloads.Links;

/// <summary>
/// A release's file answer that writes the download log's row (<see cref="DownloadLog"/>) when the answer
/// starts, once its status is known: a 200 (the whole file) or a 206 (a range, with the bytes it carries)
/// of a GET; a 304, a 416, a 412 or a HEAD writes nothing. The row is written before the first byte of the
/// body, in its own statement, so nothing is held open while the file streams. A log that cannot be
/// written is reported and does not stop the download.
/// </summary>
public sealed class LoggedDownloadResult(IResult file, Download entry) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (HttpMethods.IsGet(httpContext.Request.Method))
        {
            httpContext.Response.OnStarting(() => RecordAsync(httpContext));
        }

        return file.ExecuteAsync(httpContext);
    }

    private async Task RecordAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status206PartialContent) || response.ContentLength is not { } length)
        {
            return;
        }

        entry.IsPartial = response.StatusCode == StatusCodes.Status206PartialContent;
        entry.Bytes = length;
        try
        {
            await context.RequestServices.GetRequiredService<DownloadLog>().RecordAsync(entry, CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            context.RequestServices.GetRequiredService<ILogger<LoggedDownloadResult>>()
                .LogError(exception, "The download of release {ReleaseId} was not logged", entry.ReleaseId);
        }
    }
}

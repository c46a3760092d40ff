using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using StoreSite.Files;

namespace CP.Downloads.Controllers;

/// <summary>
/// Raises the request body and multipart limits of an upload action to
/// <c>StoreSite__Files__MaxUploadMegabytes</c> (plus room for the text fields) before anything reads
/// the form; a body that says it is larger is answered 413 at once, one that grows larger while it is
/// read is refused by the server, and the service refuses a file above the limit with a message next
/// to the field. Runs before the antiforgery check, which reads the form.
/// </summary>
public sealed class UploadLimitsFilter(IOptions<FilesOptions> options) : IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the version, the notes and the multipart framing.</summary>
    public const long FieldsAllowance = 256 * 1024;

    public int Order => -3000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.Value.MaxUploadBytes + FieldsAllowance;
        if (context.HttpContext.Request.ContentLength > limit)
        {
            // Refused before a byte of it is read: the host's 413 page ("The request is too large").
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        var features = context.HttpContext.Features;
        if (features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (features.Get<IFormFeature>() is not { Form: not null })
        {
            // Files above 64 KiB go to a temporary file while the form is read, never whole into memory.
            features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
    }
}

using CP.Downloads.Entitlement;

namespace CP.Downloads.Links;

/// <summary>The words of a refused download link (plain text: the link is opened by a browser or by the product).</summary>
public static class DownloadMessages
{
    public const string NotValid = "This download link is not valid. Get a new one from your account's Downloads page.";

    public const string Expired = "This download link has expired (links last 24 hours). Get a new one from your account's Downloads page.";

    public const string Gone = "This release is no longer available.";

    public const string RateLimited = "Too many downloads from your address. Try again in a minute.";

    public static string For(DownloadRefusal refusal) => refusal switch
    {
        DownloadRefusal.Revoked => "The license this link was issued for has been revoked; its downloads stopped.",
        DownloadRefusal.Suspended => "The license this link was issued for is suspended; downloads resume when it is reinstated.",
        DownloadRefusal.None => string.Empty,
        _ => "Your license does not entitle you to this release (any more).",
    };
}

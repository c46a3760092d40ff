namespace StoreSite.Tests.Hostile;

/// <summary>What a hostile request must be answered with (never a 5xx, whatever the case says).</summary>
internal abstract record Expect
{
    /// <summary>The Verify API's documented failure: this status, <c>{"valid": false, "reason": …, "code": …}</c>.</summary>
    public static Expect Api(int status, string code) => new ApiFailure(status, code);

    /// <summary>The form re-rendered (200) with a message next to <paramref name="field"/> ("" = the form's summary; null = any re-rendered form).</summary>
    public static Expect Message(string? field) => new FieldMessage(field);

    /// <summary>The host's error page with this status (400 missing antiforgery, 404, 405, …).</summary>
    public static Expect Error(int status) => new ErrorPage(status);

    /// <summary>A redirect to <paramref name="location"/>, which then shows an error notice (post/redirect/get forms).</summary>
    public static Expect Flash(string location) => new FlashError(location);

    /// <summary>A redirect whose location starts with <paramref name="prefix"/>.</summary>
    public static Expect Redirect(string prefix) => new RedirectTo(prefix);

    /// <summary>A 200 page of this media type (a list or export that falls back to its defaults).</summary>
    public static Expect Page(string mediaType = "text/html") => new Ok(mediaType);

    /// <summary>A short plain-text answer with this status (the download links' refusals, read by installed products as well as people).</summary>
    public static Expect Plain(int status) => new PlainText(status);

    public sealed record ApiFailure(int Status, string Code) : Expect;

    public sealed record PlainText(int Status) : Expect;

    public sealed record Ok(string MediaType) : Expect;

    public sealed record FieldMessage(string? Field) : Expect;

    public sealed record ErrorPage(int Status) : Expect;

    public sealed record FlashError(string Location) : Expect;

    public sealed record RedirectTo(string Prefix) : Expect;
}

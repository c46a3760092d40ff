namespace StoreSite.Tests.Hostile;

/// <summary>How a hostile form post is encoded.</summary>
internal enum FormShape
{
    /// <summary>As a browser sends it: urlencoded, with the form's antiforgery token.</summary>
    UrlEncoded,

    /// <summary>multipart/form-data with the token (ASP.NET Core reads it as a form too).</summary>
    Multipart,

    /// <summary>The fields as a JSON object (the token inside it, where antiforgery does not look).</summary>
    Json,

    /// <summary>Urlencoded without the antiforgery token.</summary>
    NoToken,

    /// <summary>Urlencoded with a made-up antiforgery token.</summary>
    ForgedToken,
}

using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The release an update check offers, as the OpenAPI description shows it.</summary>
public sealed record UpdateDocument(
    [property: JsonPropertyName(VerifyContract.VersionField), Description("The release's SemVer version.")] string Version,
    [property: JsonPropertyName(VerifyContract.ReleasedAtField), Description("When it was published, UTC, YYYY-MM-DDTHH:MM:SSZ.")] string ReleasedAt,
    [property: JsonPropertyName(VerifyContract.NotesField), Description("The release notes, Markdown.")] string Notes,
    [property: JsonPropertyName(VerifyContract.DownloadUrlField), Description("An absolute signed download link for this key, good for 24 hours, usable without a session; the key's entitlement is checked again when it is used.")] string DownloadUrl,
    [property: JsonPropertyName(VerifyContract.SizeField), Description("The file's size in bytes.")] long Size,
    [property: JsonPropertyName(VerifyContract.Sha256Field), Description("The file's SHA-256, lower-case hex (also the download's ETag).")] string Sha256);

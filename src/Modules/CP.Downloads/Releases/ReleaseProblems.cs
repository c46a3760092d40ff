namespace CP.Downloads.Releases;

/// <summary>
/// Why a release is refused (<see cref="StoreSite.Outcome.Problem"/> codes of <see cref="ReleaseUploads"/>
/// and <see cref="ReleaseChanges"/>); the words are the web layer's (<c>Controllers/ReleaseMessages</c>)
/// and the recipe step's.
/// </summary>
public static class ReleaseProblems
{
    public const string ProductNotFound = "product_not_found";

    public const string ReleaseNotFound = "release_not_found";

    /// <summary>Field <c>version</c>: missing.</summary>
    public const string VersionRequired = "version_required";

    /// <summary>Field <c>version</c>: not SemVer 2.0 (e.g. <c>1.2</c> or <c>v1.2.0</c>).</summary>
    public const string VersionNotSemVer = "version_not_semver";

    /// <summary>Field <c>version</c>: the product has a release of the same precedence already.</summary>
    public const string VersionTaken = "version_taken";

    /// <summary>Field <c>notes</c>: longer than a release keeps.</summary>
    public const string NotesTooLong = "notes_too_long";

    /// <summary>Field <c>file</c>: no file chosen.</summary>
    public const string FileRequired = "file_required";

    /// <summary>Field <c>file</c>: the file has no content.</summary>
    public const string FileEmpty = "file_empty";

    /// <summary>Field <c>file</c>: larger than <c>StoreSite__Files__MaxUploadMegabytes</c> (the detail is the limit in MiB).</summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary>Field <c>file</c>: the name is empty after trimming, too long, or carries path or control characters.</summary>
    public const string FileNameInvalid = "file_name_invalid";

    public const string FieldVersion = "version";

    public const string FieldNotes = "notes";

    public const string FieldFile = "file";
}

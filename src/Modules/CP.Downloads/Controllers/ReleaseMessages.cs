using System.Globalization;
using CP.Downloads.Releases;

namespace CP.Downloads.Controllers;

/// <summary>The words of the release pages, chosen from the services' problem codes.</summary>
public static class ReleaseMessages
{
    public static string Uploaded(string version) => $"Release {version} uploaded.";

    public static string Published(bool published) => published ? "Release published." : "Release unpublished.";

    public const string Deleted = "Release deleted with its file.";

    public static string For(string problem, string? detail) => problem switch
    {
        ReleaseProblems.VersionRequired => "Enter the version, e.g. 1.4.0.",
        ReleaseProblems.VersionNotSemVer => "Enter a SemVer version such as 1.4.0 or 2.0.0-beta.1 (three numbers, no leading “v”).",
        ReleaseProblems.VersionTaken => "This product already has a release with this version.",
        ReleaseProblems.NotesTooLong => string.Create(CultureInfo.InvariantCulture, $"The notes must be at most {Data.ReleaseConfiguration.NotesMaxLength:N0} characters."),
        ReleaseProblems.FileRequired => "Choose the file to upload.",
        ReleaseProblems.FileEmpty => "The file is empty.",
        ReleaseProblems.FileTooLarge => $"The file is larger than the upload limit of {detail} MB.",
        ReleaseProblems.FileNameInvalid => "The file name must be a plain name (no folders, no / \\ : * ? \" < > |), at most 200 characters.",
        ReleaseProblems.ReleaseNotFound => "This release no longer exists.",
        ReleaseProblems.ProductNotFound => "This product no longer exists.",
        _ => "The release could not be saved.",
    };
}

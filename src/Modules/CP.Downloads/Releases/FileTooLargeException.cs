namespace CP.Downloads.Releases;

/// <summary>The upload went past the limit.</summary>
internal sealed class FileTooLargeException : IOException
{
    public FileTooLargeException()
        : base("The file is larger than the upload limit.")
    {
    }
}

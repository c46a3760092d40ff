using System.Buffers;

namespace StoreSite.Files;

/// <summary>
/// The names a file store accepts: 1 to 200 characters of <c>a-z 0-9 . _ -</c> in segments
/// separated by <c>/</c>, no empty segment and no segment of dots only, so that a name is the same
/// key on disk and in a bucket and can never leave the store's folder.
/// </summary>
public static class StoredFileName
{
    public const int MaxLength = 200;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789._-/");

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name.AsSpan().ContainsAnyExcept(Allowed))
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment.AsSpan().Trim('.').IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is valid.</summary>
    public static string Check(string name) =>
        IsValid(name) ? name : throw new ArgumentException($"'{name}' is not a stored file name (a-z 0-9 . _ - in segments separated by /).", nameof(name));
}

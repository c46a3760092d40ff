using System.Text;

namespace CP.Licensing.Admin;

/// <summary>
/// Search text as the database folds it, and the range of values that start with it. Both
/// providers fold ASCII letters only (SQLite's <c>upper()</c>, PostgreSQL's under collation <c>C</c>),
/// and both compare those columns in code point order (SQLite BINARY, PostgreSQL <c>C</c>), so
/// "starts with P" is the index range <c>P &lt;= value &lt; UpperBound(P)</c>.
/// </summary>
public static class SearchText
{
    /// <summary>Trimmed, control characters dropped, ASCII letters in upper case, at most <paramref name="maxLength"/> characters; null when nothing is left.</summary>
    public static string? Normalize(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text.AsSpan().Trim())
        {
            if (builder.Length == maxLength)
            {
                break;
            }

            if (!char.IsControl(c))
            {
                builder.Append(c is >= 'a' and <= 'z' ? (char)(c - ('a' - 'A')) : c);
            }
        }

        var normalized = builder.ToString().Trim();
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>
    /// The least text above every text that starts with <paramref name="prefix"/> (its last code
    /// point incremented), or null when no such text exists.
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var runes = prefix.EnumerateRunes().ToList();
        for (var i = runes.Count - 1; i >= 0; i--)
        {
            var next = runes[i].Value + 1;
            if (next is >= 0xD800 and <= 0xDFFF)
            {
                next = 0xE000;
            }

            if (next <= 0x10FFFF)
            {
                var bound = new StringBuilder();
                foreach (var rune in runes.Take(i))
                {
                    bound.Append(rune.ToString());
                }

                return bound.Append(new Rune(next).ToString()).ToString();
            }
        }

        return null;
    }
}

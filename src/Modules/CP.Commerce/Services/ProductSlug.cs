using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CP.Commerce.Data;

namespace CP.Commerce.Services;

/// <summary>Product slugs: lower-case letters, digits and single hyphens, made from the name unless given.</summary>
public static partial class ProductSlug
{
    public const string Problem = "Use lower-case letters, digits and single hyphens (e.g. site-builder-pro), at most 100 characters.";

    public static bool IsValid(string? slug) =>
        slug is { Length: > 0 and <= ProductConfiguration.SlugLength } && Pattern().IsMatch(slug);

    /// <summary>A slug made from a product name (accents dropped, other characters turned into hyphens).</summary>
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var hyphen = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
                hyphen = false;
            }
            else if (!hyphen && builder.Length > 0)
            {
                builder.Append('-');
                hyphen = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > ProductConfiguration.SlugLength - 10)
        {
            slug = slug[..(ProductConfiguration.SlugLength - 10)].Trim('-');
        }

        return slug.Length == 0 ? "product" : slug;
    }

    /// <summary>The first of <c>slug</c>, <c>slug-2</c>, <c>slug-3</c>… not in <paramref name="taken"/>.</summary>
    public static string FirstFree(string slug, IReadOnlyCollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}

using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace StoreSite.Web.Data;

/// <summary>Rules for account fields shared by setup, registration, the Users page and the Users step.</summary>
public static class AccountRules
{
    public const int MaxEmailLength = 256;
    public const int MaxUserIdLength = 450;
    private static readonly EmailAddressAttribute EmailAttribute = new();

    public static bool IsEmail([NotNullWhen(true)] string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= MaxEmailLength
        && !value.Any(char.IsControl)
        && value.Count(c => c == '@') == 1
        && EmailAttribute.IsValid(value)
        && value.Split('@') is [{ Length: > 0 }, var domain] && domain.Contains('.', StringComparison.Ordinal) && !domain.EndsWith('.');

    /// <summary>False for values that cannot be an account id (checked before any lookup).</summary>
    public static bool IsUserId([NotNullWhen(true)] string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= MaxUserIdLength;
}

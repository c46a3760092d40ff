using System.ComponentModel.DataAnnotations;

namespace StoreSite.Web.Data;

/// <summary>Rules for account fields shared by setup, registration, the Users page and the Users step.</summary>
public static class AccountRules
{
    public const int MaxEmailLength = 256;
    private static readonly EmailAddressAttribute EmailAttribute = new();

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= MaxEmailLength
        && !value.Any(char.IsControl)
        && value.Count(c => c == '@') == 1
        && EmailAttribute.IsValid(value)
        && value.Split('@') is [{ Length: > 0 }, var domain] && domain.Contains('.', StringComparison.Ordinal) && !domain.EndsWith('.');
}

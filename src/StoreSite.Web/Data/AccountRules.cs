using System.Diagnostics.CodeAnalysis;
using StoreSite.Mail;

namespace StoreSite.Web.Data;

/// <summary>
/// Rules for account fields shared by setup, registration, the Users page and the Users step. An
/// account's email is checked by <see cref="EmailAddressRule"/>, the rule every module uses.
/// </summary>
public static class AccountRules
{
    public const int MaxEmailLength = EmailAddressRule.MaxLength;
    public const int MaxUserIdLength = 450;

    /// <summary>False for values that cannot be an account id (checked before any lookup).</summary>
    public static bool IsUserId([NotNullWhen(true)] string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= MaxUserIdLength;
}

using Microsoft.AspNetCore.Identity;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Identity's password rule errors in the store's words: each rule a short phrase ("an upper-case letter (A–Z)"),
/// and <see cref="Sentence"/> joins what a password lacks into one sentence, so that every form (register, reset,
/// change password, Admin -> Users, setup) says "The password needs at least 8 characters and a digit (0–9)."
/// rather than the framework's "Passwords must have at least one digit ('0'-'9')." once per rule.
/// </summary>
public sealed class PasswordRuleErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Rule(nameof(PasswordTooShort), $"at least {length} characters");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Rule(nameof(PasswordRequiresUniqueChars), $"at least {uniqueChars} different characters");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Rule(nameof(PasswordRequiresNonAlphanumeric), "a symbol such as ! or #");

    public override IdentityError PasswordRequiresDigit() =>
        Rule(nameof(PasswordRequiresDigit), "a digit (0–9)");

    public override IdentityError PasswordRequiresLower() =>
        Rule(nameof(PasswordRequiresLower), "a lower-case letter (a–z)");

    public override IdentityError PasswordRequiresUpper() =>
        Rule(nameof(PasswordRequiresUpper), "an upper-case letter (A–Z)");

    /// <summary>Whether <paramref name="error"/> is one of the password rules described here.</summary>
    public static bool IsRule(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(PasswordMismatch);
    }

    /// <summary>"The password needs A, B and C." for the rule phrases <paramref name="rules"/> (in their order, once each).</summary>
    public static string Sentence(IEnumerable<string> rules)
    {
        var phrases = rules.Distinct(StringComparer.Ordinal).ToList();
        return phrases.Count switch
        {
            0 => string.Empty,
            1 => $"The password needs {phrases[0]}.",
            _ => $"The password needs {string.Join(", ", phrases[..^1])} and {phrases[^1]}.",
        };
    }

    private static IdentityError Rule(string code, string phrase) => new() { Code = code, Description = phrase };
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StoreSite.Web.Accounts;

/// <summary>Shows Identity's errors next to the form field they are about, in the user's words.</summary>
public static class IdentityErrorModelStateExtensions
{
    public const string DuplicateEmailMessage = "An account with this email already exists. Sign in instead, or reset your password.";

    /// <summary>
    /// Password rule errors go to <paramref name="passwordField"/>, email and user name errors to
    /// <paramref name="emailField"/>, anything else to the form's summary.
    /// </summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordField, string emailField)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        var rules = result.Errors.Where(PasswordRuleErrors.IsRule).Select(e => e.Description).ToList();
        var messages = result.Errors
            .Where(error => !PasswordRuleErrors.IsRule(error))
            .Select(error => error.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" => (Field: emailField, Message: DuplicateEmailMessage),
                "InvalidEmail" or "InvalidUserName" => (Field: emailField, Message: "Enter a valid email address."),
                _ => (Field: string.Empty, Message: error.Description),
            })
            .Distinct()
            .GroupBy(m => m.Field);

        // One message per field: a field shows only its first error, and every broken password rule must be seen at once.
        if (rules.Count > 0)
        {
            modelState.AddModelError(passwordField, PasswordRuleErrors.Sentence(rules));
        }

        foreach (var field in messages)
        {
            modelState.AddModelError(field.Key, string.Join(" ", field.Select(m => m.Message)));
        }
    }
}

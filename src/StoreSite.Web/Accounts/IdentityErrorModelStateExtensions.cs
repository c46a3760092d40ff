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
        foreach (var error in result.Errors)
        {
            var (field, message) = error.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" => (emailField, DuplicateEmailMessage),
                "InvalidEmail" or "InvalidUserName" => (emailField, "Enter a valid email address."),
                var code when code.StartsWith("Password", StringComparison.Ordinal) && code != "PasswordMismatch" => (passwordField, error.Description),
                _ => (string.Empty, error.Description),
            };
            if (!modelState.TryGetValue(field, out var entry) || entry.Errors.All(e => e.ErrorMessage != message))
            {
                modelState.AddModelError(field, message);
            }
        }
    }
}

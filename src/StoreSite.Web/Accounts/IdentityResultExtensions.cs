using Microsoft.AspNetCore.Identity;

namespace StoreSite.Web.Accounts;

public static class IdentityResultExtensions
{
    /// <summary>For Identity calls that can only fail on a bug or a broken database: throws with Identity's descriptions.</summary>
    public static void ThrowIfFailed(this IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

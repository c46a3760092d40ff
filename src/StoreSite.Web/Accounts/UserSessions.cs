using Microsoft.EntityFrameworkCore;
using StoreSite.Web.Data;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Ends a user's sign-in sessions (<see cref="SignInSessionStore"/>) at once, on every node: all of
/// them when an administrator locks the account or the password is reset, all but the current
/// browser's when the user changes their password. (The security stamp, which these changes also
/// update, would end them within a minute anyway.) Runs in the caller's unit of work.
/// </summary>
public sealed class UserSessions(StoreSiteDbContext db)
{
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken) =>
        db.SignInSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of the user except the one the request's cookie opened.</summary>
    public Task<int> EndOthersAsync(string userId, HttpContext current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Items.TryGetValue(SignInSessionStore.CurrentSessionItem, out var value) && value is string currentId
            ? db.SignInSessions.Where(s => s.UserId == userId && s.Id != currentId).ExecuteDeleteAsync(cancellationToken)
            : EndAllAsync(userId, cancellationToken);
    }
}

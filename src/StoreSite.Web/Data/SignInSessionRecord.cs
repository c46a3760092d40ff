namespace StoreSite.Web.Data;

/// <summary>
/// A signed-in browser's session (<see cref="Accounts.SignInSessionStore"/>): the sign-in cookie
/// carries only the session's random key; this row holds its ticket. Signing out deletes the row,
/// so a copy of the cookie opens nothing on any node. Times are UTC <see cref="DateTime"/>s, which
/// both providers can compare in SQL (SQLite cannot compare <see cref="DateTimeOffset"/>s).
/// </summary>
public sealed class SignInSessionRecord
{
    /// <summary>SHA-256 of the session key (hex): the key itself is only in the cookie.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The authentication ticket, serialized and protected with Data Protection.</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the ticket was last written: at sign-in and at each renewal (at least every minute of use, by the security-stamp check).</summary>
    public DateTime LastUsedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

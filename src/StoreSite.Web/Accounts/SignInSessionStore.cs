using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using StoreSite.Web.Data;
using StoreSite.Web.Setup;

namespace StoreSite.Web.Accounts;

/// <summary>
/// Keeps sign-in sessions in the site database (table <c>SignInSessions</c>), so that the sign-in
/// cookie carries only a random session key and signing out ends that session on every node at
/// once: the cookie handler deletes the row, and a copy of the cookie finds nothing. The user's
/// other browsers keep their own rows. Each request with a cookie costs one lookup by primary key;
/// the row is rewritten only when the cookie handler renews the ticket (sliding expiry, and the
/// security-stamp check at most once a minute). The ticket is serialized and protected with Data
/// Protection (keys shared by every node through the database); the row's id is the SHA-256 of the
/// key. Expired rows are deleted at sign-in, at most every ten minutes per node.
/// </summary>
public sealed class SignInSessionStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    SiteState siteState,
    TimeProvider clock,
    ILogger<SignInSessionStore> logger) : ITicketStore
{
    /// <summary>The <see cref="HttpContext.Items"/> entry holding the id of the session the request's cookie opened.</summary>
    public static readonly object CurrentSessionItem = new();

    private const int MaxKeyLength = 100;

    /// <summary>The lifetime of a ticket that carries no expiry (the cookie handler always sets one).</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("StoreSite.SignInSessions.v1");
    private long _nextCleanupTicks;

    /// <summary>The row id of a session key.</summary>
    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        InDatabaseAsync(null, db => StoreAsync(db, ticket, cancellationToken));

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        InDatabaseAsync(httpContext, db => StoreAsync(db, ticket, cancellationToken));

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        InDatabaseAsync(null, db => RenewAsync(db, key, ticket, cancellationToken));

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        InDatabaseAsync(httpContext, db => RenewAsync(db, key, ticket, cancellationToken));

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        siteState.IsSetUp ? InDatabaseAsync(null, db => RetrieveAsync(db, key, null, cancellationToken)) : Task.FromResult<AuthenticationTicket?>(null);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        siteState.IsSetUp ? InDatabaseAsync(httpContext, db => RetrieveAsync(db, key, httpContext, cancellationToken)) : Task.FromResult<AuthenticationTicket?>(null);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
        InDatabaseAsync(null, db => RemoveAsync(db, key, cancellationToken));

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        InDatabaseAsync(httpContext, db => RemoveAsync(db, key, cancellationToken));

    private async Task<string> StoreAsync(StoreSiteDbContext db, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new SignInSessionRecord
        {
            Id = IdOf(key),
            UserId = UserIdOf(ticket),
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = ExpiryOf(ticket, now),
        };
        db.SignInSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Entry(session).State = EntityState.Detached;
        }

        await RemoveExpiredIfDueAsync(db, now, cancellationToken);
        return key;
    }

    private async Task RenewAsync(StoreSiteDbContext db, string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!IsPlausible(key))
        {
            return;
        }

        // An update, never an insert: a session ended meanwhile (signed out by another request) stays ended.
        var id = IdOf(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = UserIdOf(ticket);
        var protectedTicket = Protect(ticket);
        var expiresAt = ExpiryOf(ticket, now);
        await db.SignInSessions.Where(s => s.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.UserId, userId).SetProperty(r => r.Ticket, protectedTicket).SetProperty(r => r.LastUsedAt, now).SetProperty(r => r.ExpiresAt, expiresAt),
            cancellationToken);
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(StoreSiteDbContext db, string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        if (!IsPlausible(key))
        {
            return null;
        }

        var id = IdOf(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var protectedTicket = await db.SignInSessions.AsNoTracking()
            .Where(s => s.Id == id && s.ExpiresAt > now)
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync(cancellationToken);
        if (protectedTicket is null)
        {
            return null;
        }

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException ex)
        {
            logger.LogWarning(ex, "A sign-in session could not be read (its Data Protection key is gone); the visitor is signed out");
            return null;
        }

        if (ticket is not null && httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = id;
        }

        return ticket;
    }

    private static async Task RemoveAsync(StoreSiteDbContext db, string key, CancellationToken cancellationToken)
    {
        if (!IsPlausible(key))
        {
            return;
        }

        var id = IdOf(key);
        await db.SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task RemoveExpiredIfDueAsync(StoreSiteDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextCleanupTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextCleanupTicks, now.Add(CleanupInterval).Ticks, due) != due)
        {
            return;
        }

        var removed = await db.SignInSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} expired sign-in sessions", removed);
        }
    }

    /// <summary>The request's own database scope when there is a request (so a write joins its transaction), else a scope of its own.</summary>
    private async Task<T> InDatabaseAsync<T>(HttpContext? httpContext, Func<StoreSiteDbContext, Task<T>> work)
    {
        if (httpContext is not null)
        {
            return await work(httpContext.RequestServices.GetRequiredService<StoreSiteDbContext>());
        }

        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StoreSiteDbContext>());
    }

    private Task InDatabaseAsync(HttpContext? httpContext, Func<StoreSiteDbContext, Task> work) =>
        InDatabaseAsync(httpContext, async db =>
        {
            await work(db);
            return true;
        });

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.Add(DefaultLifetime);

    private static bool IsPlausible(string? key) => !string.IsNullOrEmpty(key) && key.Length <= MaxKeyLength;
}

using CP.Licensing.Data;
using CP.Licensing.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Whether a customer gets renewal reminders (on unless they switched them off), and the token of the
/// "no more reminders" link in each reminder: Data Protection names the customer, so the link works
/// without signing in and cannot be made for another customer.
/// </summary>
public sealed class ReminderPreferences(LicensingDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Purpose = "CP.Licensing.ReminderOptOut.v1";

    private const int MaxTokenLength = 2048;

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string Token(string customerId) => _protector.Protect(customerId);

    /// <summary>The customer a link's token was made for; null for a token the store did not make.</summary>
    public string? CustomerOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public Task<bool> WantsRemindersAsync(string customerId, CancellationToken cancellationToken) =>
        db.ReminderOptOuts.AllAsync(o => o.CustomerId != customerId, cancellationToken);

    /// <summary>Switches the customer's reminders on or off; doing it twice changes nothing more.</summary>
    public async Task SetAsync(string customerId, bool wantsReminders, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var existing = await db.ReminderOptOuts.FirstOrDefaultAsync(o => o.CustomerId == customerId, cancellationToken);
        if (wantsReminders && existing is not null)
        {
            db.ReminderOptOuts.Remove(existing);
        }
        else if (!wantsReminders && existing is null)
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { CustomerId = customerId, At = clock.GetUtcNow() });
        }
        else
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!wantsReminders)
        {
            // Switched off at the same moment by another request (two clicks): it is off, as asked.
            db.ChangeTracker.Clear();
        }
    }
}

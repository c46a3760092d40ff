using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host.Support;

/// <summary>The site's password hasher, counting its verifications in <see cref="PasswordHashCounts"/> (shared by every request's instance).</summary>
public sealed class CountingPasswordHasher(PasswordHasher<StoreUser> inner, PasswordHashCounts counts) : IPasswordHasher<StoreUser>
{
    /// <summary>Replaces the site's hasher; the returned counts see every request.</summary>
    public static PasswordHashCounts AddTo(TestSiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var counts = new PasswordHashCounts();
        options.Services += services => services.AddScoped<IPasswordHasher<StoreUser>>(sp =>
            new CountingPasswordHasher(new PasswordHasher<StoreUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), counts));
        return counts;
    }

    public string HashPassword(StoreUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StoreUser user, string hashedPassword, string providedPassword)
    {
        counts.Verified();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

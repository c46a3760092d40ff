using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Host.Support;

/// <summary>Arranges and inspects accounts through the site's own services.</summary>
public static class SiteUsers
{
    public static Task<string> IdOfAsync(this TestSite site, string email) =>
        site.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<StoreUser>>().FindByEmailAsync(email))?.Id
            ?? throw new InvalidOperationException($"No account {email}."));

    public static Task<IList<string>> RolesOfAsync(this TestSite site, string email) =>
        site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StoreUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });

    /// <summary>Creates accounts the way the admin Users page does.</summary>
    public static Task CreateUsersAsync(this TestSite site, IEnumerable<string> emails, params string[] roles) =>
        site.InScopeAsync(async sp =>
        {
            var creator = sp.GetRequiredService<UserCreator>();
            foreach (var email in emails)
            {
                var result = await creator.CreateAsync(email, TestSite.CustomerPassword, roles, CancellationToken.None);
                Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        });
}

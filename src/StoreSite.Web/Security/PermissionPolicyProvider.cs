using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace StoreSite.Web.Security;

/// <summary>A policy for every permission: <c>[Authorize(Policy = nameof(Permissions.ManageLicenses))]</c>.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionCatalog catalog)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null || catalog.Find(policyName) is null)
        {
            return policy;
        }

        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName))
            .Build();
    }
}

using Microsoft.AspNetCore.Identity;
using StoreSite.Mail;
using StoreSite.Recipes;
using StoreSite.Web.Accounts;
using StoreSite.Web.Data;

namespace StoreSite.Web.Recipes;

/// <summary>
/// <c>{"name": "Users", "Users": [{"email": "…", "password": "…", "roles": ["Customer"]}]}</c>:
/// creates accounts; an existing email, a weak password or an unknown role stops the recipe.
/// </summary>
public sealed class UsersStep(UserManager<StoreUser> users, RoleManager<IdentityRole> roles, UserCreator creator) : IRecipeStep
{
    public string Name => "Users";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (item, path) in context.Array(context.Data, "Users", "Users"))
        {
            context.RequireObject(item, path);
            var email = context.RequiredString(item, "email", $"{path}.email");
            if (!EmailAddressRule.IsValid(email))
            {
                throw context.Error($"{path}.email", $"'{email}' is not a valid email address.");
            }

            if (await users.FindByEmailAsync(email) is not null)
            {
                throw context.Error($"{path}.email", $"An account with the email '{email}' already exists.");
            }

            var password = context.RequiredString(item, "password", $"{path}.password");
            var roleNames = context.StringArray(item, "roles", $"{path}.roles");
            for (var i = 0; i < roleNames.Count; i++)
            {
                if (!await roles.RoleExistsAsync(roleNames[i]))
                {
                    throw context.Error($"{path}.roles[{i}]", $"Unknown role '{roleNames[i]}'.");
                }
            }

            var created = await creator.CreateAsync(email, password, roleNames, cancellationToken);
            if (!created.Succeeded)
            {
                var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
                throw context.Error($"{path}.{field}", string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
    }
}

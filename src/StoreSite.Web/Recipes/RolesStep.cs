using StoreSite.Recipes;
using StoreSite.Web.Security;

namespace StoreSite.Web.Recipes;

/// <summary>
/// <c>{"name": "Roles", "Roles": [{"Name": "Editor", "Permissions": ["ManageProducts"]}]}</c>:
/// creates each role if needed and sets its permissions to exactly the list.
/// </summary>
public sealed class RolesStep(RolePermissionService roles, PermissionCatalog catalog) : IRecipeStep
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (item, path) in context.Array(context.Data, "Roles", "Roles"))
        {
            context.RequireObject(item, path);
            var name = context.RequiredString(item, "Name", $"{path}.Name");
            if (name.Length > 100 || name.Any(char.IsControl))
            {
                throw context.Error($"{path}.Name", "must be at most 100 characters, without control characters.");
            }

            var permissions = context.StringArray(item, "Permissions", $"{path}.Permissions");
            for (var i = 0; i < permissions.Count; i++)
            {
                if (catalog.Find(permissions[i]) is null)
                {
                    throw context.Error($"{path}.Permissions[{i}]", $"Unknown permission '{permissions[i]}'.");
                }
            }

            await roles.SetPermissionsAsync(name, permissions, cancellationToken);
        }
    }
}

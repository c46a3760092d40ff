namespace StoreSite.Security;

/// <summary>The roles every site has. Administrator holds every permission.</summary>
public static class StandardRoles
{
    public const string Administrator = "Administrator";
    public const string Customer = "Customer";
}

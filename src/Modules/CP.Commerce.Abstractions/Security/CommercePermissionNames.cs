namespace CP.Commerce.Security;

/// <summary>Commerce's permission names, for modules whose pages are part of commerce's admin (their policies have these names).</summary>
public static class CommercePermissionNames
{
    /// <summary>Choose and set up the payment providers.</summary>
    public const string ManagePayments = "ManagePayments";
}

namespace StoreSite.Accounts;

/// <summary>Why <see cref="IAccountInvitations.FindOrInviteAsync"/> refused (stable codes).</summary>
public static class AccountInvitationProblems
{
    /// <summary>The email is not a valid address (<see cref="Mail.EmailAddressRule"/>).</summary>
    public const string InvalidEmail = "invalid_email";

    /// <summary>The account could not be created (Identity refused it; the detail says why).</summary>
    public const string NotCreated = "account_not_created";
}

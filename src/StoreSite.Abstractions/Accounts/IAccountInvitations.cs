namespace StoreSite.Accounts;

/// <summary>
/// Finds a customer's account by email, or creates it (role Customer, no password yet) and mails
/// an invitation: a set-your-password link on the site's public address. Implemented by the host;
/// a module that hands something to a person by email (a transferred license key) uses it.
/// </summary>
public interface IAccountInvitations
{
    /// <returns>The account's user id; refused with <see cref="AccountInvitationProblems.InvalidEmail"/> for an address that is not one.</returns>
    Task<Outcome<string>> FindOrInviteAsync(string email, CancellationToken cancellationToken);
}

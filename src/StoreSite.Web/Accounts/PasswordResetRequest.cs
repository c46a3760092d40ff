namespace StoreSite.Web.Accounts;

/// <summary>A reset link asked for on the forgot-password form: the address typed and the site address of that request.</summary>
public sealed record PasswordResetRequest(string Email, Uri RequestBase);

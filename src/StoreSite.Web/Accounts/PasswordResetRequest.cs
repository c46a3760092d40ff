namespace StoreSite.Web.Accounts;

/// <summary>A reset link asked for on the forgot-password form: the address typed (the link's site address comes from <see cref="StoreSite.Settings.IPublicSiteAddress"/>, never from the request).</summary>
public sealed record PasswordResetRequest(string Email);

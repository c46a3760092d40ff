namespace StoreSite.Web.Hosting;

/// <summary><c>StoreSite:SignIn</c>: brute-force protection of the sign-in form.</summary>
public sealed class SignInOptions
{
    /// <summary>Sign-in posts allowed per client address per minute.</summary>
    public int PermitPerMinute { get; set; } = 10;

    /// <summary>Failed passwords before the account locks.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;
}

namespace CP.Licensing;

/// <summary><c>StoreSite:Licensing:Verify</c>: the Verify API's rate limit.</summary>
public sealed class VerifyApiOptions
{
    /// <summary>Verify calls allowed per client address per minute.</summary>
    public int PermitPerMinute { get; set; } = 60;
}

namespace CP.Licensing;

/// <summary>Configuration section <c>StoreSite:Licensing</c> (environment variables <c>StoreSite__Licensing__…</c>).</summary>
public sealed class LicensingOptions
{
    public const string Section = "StoreSite:Licensing";

    public VerifyApiOptions Verify { get; set; } = new();
}

namespace CP.Commerce.Settings;

/// <summary>The store's commerce settings (site settings section <see cref="Section"/>).</summary>
public sealed class CommerceSettings
{
    public const string Section = "Commerce";

    /// <summary>The <c>Name</c> of the payment provider checkout uses; null while payments are not set up.</summary>
    public string? PaymentProvider { get; set; }
}

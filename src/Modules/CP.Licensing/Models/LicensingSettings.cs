namespace CP.Licensing.Models;

/// <summary>
/// The licensing site settings (section <see cref="Section"/>): the key prefix and the signing
/// secret every node shares. Neither changes once keys exist; the secret is never shown.
/// </summary>
public sealed class LicensingSettings
{
    public const string Section = "Licensing";

    public const string DefaultPrefix = "CP";

    public string KeyPrefix { get; set; } = DefaultPrefix;

    /// <summary>Base64 of the HMAC-SHA256 secret; empty until setup generates it.</summary>
    public string SigningSecret { get; set; } = string.Empty;
}

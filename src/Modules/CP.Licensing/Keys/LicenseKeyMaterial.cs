using CP.Licensing.Models;
using CP.Licensing.Settings;

namespace CP.Licensing.Keys;

/// <summary>What signing and checking keys needs: the prefix and the decoded secret.</summary>
public sealed class LicenseKeyMaterial(string prefix, byte[] secret)
{
    public string Prefix { get; } = prefix;

    public ReadOnlySpan<byte> Secret => secret;

    public bool HasSecret => secret.Length > 0;

    public static LicenseKeyMaterial From(LicensingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var prefix = LicenseKeys.IsValidPrefix(settings.KeyPrefix) ? settings.KeyPrefix : LicensingSettings.DefaultPrefix;
        return new LicenseKeyMaterial(prefix, LicensingSettingsStore.DecodeSecret(settings.SigningSecret) ?? []);
    }

    public bool IsValid(ReadOnlySpan<char> key) => LicenseKeys.IsValid(key, Prefix, secret);

    public string Generate() => HasSecret
        ? LicenseKeys.Generate(Prefix, secret)
        : throw new InvalidOperationException("The licensing signing secret is not set.");
}

using CP.Licensing.Keys;


namespace StoreSite.Tests.Licensing;

public sealed class LicenseKeysTests
{
    private static readonly byte[] Secret = LicensingArrange.TestSecretBytes;

    [Fact]
    public void Test_vector_secret_is_the_bytes_1_to_32()
    {
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), Secret);
    }

    [Theory]
    [InlineData("CP", "CP-ABCDEF-123456-GHJKMN-PQRSTV", "HTARZ4")]
    [InlineData("CP", "CP-000000-000000-000000-000000", "G9QNRA")]
    [InlineData("ACME", "ACME-ZZZZZZ-YYYYYY-XXXXXX-WWWWWW", "GVA258")]
    public void Signature_matches_the_published_test_vector(string prefix, string unsignedKey, string signature)
    {
        Assert.Equal(signature, LicenseKeys.Sign(unsignedKey, Secret));
        Assert.True(LicenseKeys.IsValid($"{unsignedKey}-{signature}", prefix, Secret));
    }

    [Fact]
    public void Hmac_of_the_test_vector_starts_with_the_published_bytes()
    {
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Secret, "CP-ABCDEF-123456-GHJKMN-PQRSTV"u8);
        Assert.Equal("8e958f91", Convert.ToHexStringLower(mac)[..8]);
    }

    [Fact]
    public void Generated_keys_have_the_documented_shape_and_pass_the_check()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => LicenseKeys.Generate("CP", Secret)).ToList();

        Assert.All(keys, key =>
        {
            Assert.Matches("^CP(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{6}){5}$", key);
            Assert.True(LicenseKeys.IsValid(key, "CP", Secret));
        });
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Generated_keys_use_every_character_of_the_alphabet()
    {
        var used = string.Concat(Enumerable.Range(0, 300).Select(_ => LicenseKeys.Generate("CP", Secret)[3..^7].Replace("-", "", StringComparison.Ordinal)));

        Assert.All(LicenseKeys.Alphabet, c => Assert.Contains(c, used));
    }

    [Theory]
    [InlineData("CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ5")] // signature changed
    [InlineData("CP-ABCDEF-123456-GHJKMN-PQRSTW-HTARZ4")] // body changed
    [InlineData("XX-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4")] // other prefix
    [InlineData("CP-ABCDEF-123456-GHJKMN-PQRSTVHTARZ4")] // missing dash
    [InlineData("CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4-")] // too long
    [InlineData("CP-ABCDEI-123456-GHJKMN-PQRSTV-HTARZ4")] // I is not in the alphabet
    [InlineData("cp-abcdef-123456-ghjkmn-pqrstv-htarz4")] // not upper-cased (the API upper-cases first)
    [InlineData("")]
    public void Tampered_or_misshapen_keys_fail_the_check(string key)
    {
        Assert.False(LicenseKeys.IsValid(key, "CP", Secret));
    }

    [Fact]
    public void Key_signed_with_another_secret_fails_the_check()
    {
        var other = new byte[32];
        var key = LicenseKeys.Generate("CP", other.Select((_, i) => (byte)(i + 100)).ToArray());

        Assert.False(LicenseKeys.IsValid(key, "CP", Secret));
    }

    [Fact]
    public void Mask_shows_only_the_last_group()
    {
        Assert.Equal("**-******-******-******-******-HTARZ4", LicenseKeys.Mask("CP-ABCDEF-123456-GHJKMN-PQRSTV-HTARZ4"));
    }
}

using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The update check's request as the OpenAPI description shows it: Verify's, with <c>product</c> required and <c>version</c>.</summary>
public sealed record UpdateCheckRequestDocument(
    [property: JsonPropertyName(VerifyContract.LicenseKeyField), Description("The license key; trimmed and upper-cased before any check.")] string LicenseKey,
    [property: JsonPropertyName(VerifyContract.DomainField), Description("A host name, host:port or URL of the site the product runs on.")] string Domain,
    [property: JsonPropertyName(VerifyContract.IpField), Description("The server's IPv4 or IPv6 address (format check only: the connection's address counts).")] string Ip,
    [property: JsonPropertyName(VerifyContract.ProductRequestField), Description("Required: the product's slug (as in /products/{slug}); a key of another product answers 403 product_mismatch.")] string Product,
    [property: JsonPropertyName(VerifyContract.VersionField), Description("Required: the version the product runs, SemVer 2.0 (e.g. 1.4.2, 2.0.0-beta.1); only releases of higher precedence are offered.")] string Version,
    [property: JsonPropertyName(VerifyContract.NonceField), Description("Optional: 1 to 128 characters of A-Z a-z 0-9 . _ ~ + / = -; echoed in the answer, which is then signed (X-License-Signature: ed25519=<base64>).")] string? Nonce);

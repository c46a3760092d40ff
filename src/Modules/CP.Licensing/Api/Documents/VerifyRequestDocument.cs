using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The Verify request as the OpenAPI description shows it (the endpoint reads the JSON itself).</summary>
public sealed record VerifyRequestDocument(
    [property: JsonPropertyName(VerifyContract.LicenseKeyField), Description("The license key; trimmed and upper-cased before any check.")] string LicenseKey,
    [property: JsonPropertyName(VerifyContract.DomainField), Description("A host name, host:port or URL of the site the product runs on.")] string Domain,
    [property: JsonPropertyName(VerifyContract.IpField), Description("The server's IPv4 or IPv6 address (format check only: the connection's address counts).")] string Ip,
    [property: JsonPropertyName(VerifyContract.ProductRequestField), Description("Optional: the product's slug (as in /products/{slug}); a key of another product answers 403 product_mismatch.")] string? Product,
    [property: JsonPropertyName(VerifyContract.NonceField), Description("Optional: 1 to 128 characters of A-Z a-z 0-9 . _ ~ + / = -; echoed in the answer, which is then signed (X-License-Signature: ed25519=<base64>).")] string? Nonce);

using System.ComponentModel;
using System.Text.Json.Serialization;
using CP.Licensing.Api;

namespace CP.Licensing.Api.Documents;

/// <summary>The Verify request as the OpenAPI description shows it (the endpoint reads the JSON itself).</summary>
public sealed record VerifyRequestDocument(
    [property: JsonPropertyName(VerifyContract.LicenseKeyField), Description("The license key; trimmed and upper-cased before any check.")] string LicenseKey,
    [property: JsonPropertyName(VerifyContract.DomainField), Description("A host name, host:port or URL of the site the product runs on.")] string Domain,
    [property: JsonPropertyName(VerifyContract.IpField), Description("The server's IPv4 or IPv6 address (format check only: the connection's address counts).")] string Ip);

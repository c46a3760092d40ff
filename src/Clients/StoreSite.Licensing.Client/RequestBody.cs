using System.Buffers;
using System.Text.Json;

namespace StoreSite.Licensing.Client;

/// <summary>The JSON body of a call, with the API's field names.</summary>
internal static class RequestBody
{
    public static byte[] Write(string licenseKey, string domain, string ip, string product, string nonce, string? version)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("license_key", licenseKey);
            json.WriteString("domain", domain);
            json.WriteString("ip", ip);
            json.WriteString("product", product);
            json.WriteString("nonce", nonce);
            if (version is not null)
            {
                json.WriteString("version", version);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

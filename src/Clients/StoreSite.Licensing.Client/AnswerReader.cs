using System.Globalization;
using System.Text.Json;

namespace StoreSite.Licensing.Client;

/// <summary>Reads the documented JSON of the store's answers into the client's records; <c>false</c> or <c>null</c> for any other shape.</summary>
internal static class AnswerReader
{
    public static DateTimeOffset? CheckedAt(JsonElement root) =>
        root.TryGetProperty("checked_at", out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    public static string? Nonce(JsonElement root) =>
        root.TryGetProperty("nonce", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A 200 of Verify (or of the update check): <c>valid: true</c> with the license's fields.</summary>
    public static LicenseCheck? Valid(JsonElement root, DateTimeOffset checkedAt)
    {
        if (!root.TryGetProperty("valid", out var valid) || valid.ValueKind != JsonValueKind.True)
        {
            return null;
        }

        if (!TryString(root, "product", out var product)
            || !TryString(root, "expiry", out var expiryText)
            || !TryBool(root, "lifetime", out var lifetime)
            || !TryBool(root, "development", out var development)
            || !TryActivations(root, out var activations))
        {
            return null;
        }

        DateOnly? expiry = null;
        if (expiryText is not null)
        {
            if (!DateOnly.TryParseExact(expiryText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return null;
            }

            expiry = day;
        }

        return new LicenseCheck
        {
            Status = LicenseStatus.Valid,
            Product = product,
            Expiry = expiry,
            Lifetime = lifetime,
            Activations = activations,
            Development = development,
            CheckedAt = checkedAt,
        };
    }

    /// <summary>A signed refusal: <c>{valid: false, reason, code, errors?}</c>.</summary>
    public static LicenseCheck Refusal(LicenseStatus status, JsonElement root, DateTimeOffset checkedAt) => new()
    {
        Status = status,
        Code = StringOrNull(root, "code"),
        Reason = StringOrNull(root, "reason"),
        CheckedAt = checkedAt,
        Errors = Errors(root),
    };

    /// <summary>A 200 of Deactivate: <c>{deactivated: true, activations, checked_at}</c>.</summary>
    public static DeactivationResult? Deactivated(JsonElement root, DateTimeOffset checkedAt)
    {
        if (!root.TryGetProperty("deactivated", out var deactivated) || deactivated.ValueKind != JsonValueKind.True
            || !TryActivations(root, out var activations))
        {
            return null;
        }

        return new DeactivationResult { Status = DeactivationStatus.Deactivated, Activations = activations, CheckedAt = checkedAt };
    }

    public static DeactivationResult DeactivationRefusal(JsonElement root, DateTimeOffset checkedAt) => new()
    {
        Status = DeactivationStatus.Refused,
        Code = StringOrNull(root, "code"),
        Reason = StringOrNull(root, "reason"),
        CheckedAt = checkedAt,
        Errors = Errors(root),
    };

    /// <summary>The <c>update</c> field of an update check's 200: <c>true</c> with <c>null</c> when none is offered, <c>false</c> for another shape.</summary>
    public static bool TryUpdate(JsonElement root, Uri storeUrl, out AvailableUpdate? update)
    {
        update = null;
        if (!root.TryGetProperty("update", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object
            || !TryString(value, "version", out var version) || version is null
            || !TryString(value, "released_at", out var releasedText)
            || !TryString(value, "notes", out var notes)
            || !TryString(value, "download_url", out var link) || link is null
            || !Uri.TryCreate(storeUrl, link, out var downloadUrl) || (downloadUrl.Scheme != Uri.UriSchemeHttps && downloadUrl.Scheme != Uri.UriSchemeHttp)
            || !value.TryGetProperty("size", out var sizeValue) || sizeValue.ValueKind != JsonValueKind.Number || !sizeValue.TryGetInt64(out var size) || size < 0
            || !TryString(value, "sha256", out var sha256) || sha256 is null)
        {
            return false;
        }

        DateTimeOffset? releasedAt = null;
        if (releasedText is not null)
        {
            if (!DateTimeOffset.TryParse(releasedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return false;
            }

            releasedAt = at;
        }

        update = new AvailableUpdate(version, releasedAt, notes, downloadUrl, size, sha256);
        return true;
    }

    private static bool TryActivations(JsonElement root, out Activations? activations)
    {
        activations = null;
        if (!root.TryGetProperty("activations", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("used", out var used) || used.ValueKind != JsonValueKind.Number || !used.TryGetInt32(out var usedCount)
            || !value.TryGetProperty("max", out var max) || max.ValueKind != JsonValueKind.Number || !max.TryGetInt32(out var maxCount))
        {
            return false;
        }

        activations = new Activations(usedCount, maxCount);
        return true;
    }

    /// <summary>An optional string field: absent or <c>null</c> gives <c>null</c>; another type is a wrong shape.</summary>
    private static bool TryString(JsonElement root, string name, out string? text)
    {
        text = null;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        text = value.GetString();
        return true;
    }

    /// <summary>An optional boolean field: absent gives <c>false</c>; another type is a wrong shape.</summary>
    private static bool TryBool(JsonElement root, string name, out bool flag)
    {
        flag = false;
        if (!root.TryGetProperty(name, out var value))
        {
            return true;
        }

        flag = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, IReadOnlyList<string>>? Errors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var byField = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in errors.EnumerateObject())
        {
            byField[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToList()
                : [];
        }

        return byField;
    }
}

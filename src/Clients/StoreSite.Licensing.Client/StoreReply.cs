using System.Text.Json;

namespace StoreSite.Licensing.Client;

/// <summary>How a call went before its meaning is read: answered (signed, nonce echoed), untrusted, or unreachable.</summary>
internal sealed record StoreReply
{
    public required ReplyKind Kind { get; init; }

    /// <summary>The HTTP status of the answer (0 when none came).</summary>
    public int StatusCode { get; init; }

    /// <summary>The parsed body of a trusted answer.</summary>
    public JsonElement Root { get; init; }

    /// <summary>The exact body and signature of a trusted answer, for the cache.</summary>
    public SignedAnswer? Signed { get; init; }

    public DateTimeOffset? CheckedAt { get; init; }

    public string? Code { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public static StoreReply Untrusted { get; } = new() { Kind = ReplyKind.Untrusted };

    public static StoreReply Unreachable { get; } = new() { Kind = ReplyKind.Unreachable };
}

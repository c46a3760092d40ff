namespace CP.Downloads.Entitlement;

/// <summary>
/// Which published releases of a product a customer may download: every one (<see cref="Until"/> null:
/// an active license, a paid unlicensed plan), or those published on or before <see cref="Until"/>
/// (UTC; an expired license's last valid day: "updates until expiry").
/// </summary>
public sealed record ReleaseWindow(DateOnly? Until)
{
    public static readonly ReleaseWindow Every = new((DateOnly?)null);

    public bool IsEvery => Until is null;

    /// <summary>Whether a release published at <paramref name="publishedAt"/> lies in the window (a release never published does not).</summary>
    public bool Covers(bool isPublished, DateTimeOffset? publishedAt) =>
        isPublished && publishedAt is { } at && (Until is not { } until || DateOnly.FromDateTime(at.UtcDateTime) <= until);

    /// <summary>The wider of this window and <paramref name="other"/> (several keys for one product).</summary>
    public ReleaseWindow Widen(ReleaseWindow? other) =>
        other is null ? this
        : IsEvery || other.IsEvery ? Every
        : Until >= other.Until ? this : other;
}

namespace CP.Licensing.Lifecycle;

/// <summary>
/// How many self-service deactivations a key may make (docs/verify-api.md, "Deactivation
/// allowance"): per plan, allowed or not, and how many in any rolling 30 days (0 = unlimited).
/// The admin's Free slot never counts. The count is taken under the license row's lock, so
/// simultaneous deactivations cannot pass the allowance together.
/// </summary>
public readonly record struct DeactivationAllowance(bool Allowed, int Per30Days)
{
    /// <summary>The length of the rolling window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>The highest per-30-days number a plan may set.</summary>
    public const int MaxPer30Days = 1_000;

    /// <summary>What a plan starts with, and what keys without a plan get.</summary>
    public static DeactivationAllowance Default { get; } = new(true, 3);

    /// <summary>True when one more deactivation fits, with <paramref name="usedInWindow"/> made in the last 30 days.</summary>
    public bool Permits(int usedInWindow) => Allowed && (Per30Days == 0 || usedInWindow < Per30Days);

    /// <summary>The start of the window that ends at <paramref name="now"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now) => now - Window;
}

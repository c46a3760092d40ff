using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// The activation rule (docs/architecture.md, "Where the invariants live") as a pure function: a
/// call matches the allow-list when its domain or its IP is already on it (or only the domain, or
/// only the IP, by the license's match rule); a match never uses a slot; otherwise the call takes a
/// slot while <c>max == 0</c> (unlimited) or <c>used &lt; max</c>. The database holds the same rule
/// under concurrency (<see cref="Data.LicenseSql"/>: the match condition and the conditional UPDATE).
/// </summary>
public static class ActivationRule
{
    /// <summary>Whether environment (<paramref name="environmentDomain"/>, <paramref name="environmentIp"/>) matches a call from <paramref name="domain"/> at <paramref name="ip"/>.</summary>
    public static bool Matches(LicenseMatchRule rule, string environmentDomain, string environmentIp, string domain, string ip) => rule switch
    {
        LicenseMatchRule.Domain => string.Equals(environmentDomain, domain, StringComparison.Ordinal),
        LicenseMatchRule.Ip => string.Equals(environmentIp, ip, StringComparison.Ordinal),
        _ => string.Equals(environmentDomain, domain, StringComparison.Ordinal) || string.Equals(environmentIp, ip, StringComparison.Ordinal),
    };

    /// <summary>Whether one more environment fits: Max Activations 0 is unlimited.</summary>
    public static bool HasFreeSlot(int used, int maxActivations) => maxActivations == 0 || used < maxActivations;

    /// <summary>The decision for a call from <paramref name="domain"/> (normalized) at <paramref name="ip"/> (canonical), given the allow-list.</summary>
    public static ActivationDecision Decide(LicenseMatchRule rule, IReadOnlyCollection<LicenseEnvironment> allowList, int maxActivations, string domain, string ip)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        foreach (var environment in allowList)
        {
            if (Matches(rule, environment.Domain, environment.Ip, domain, ip))
            {
                return ActivationDecision.Match;
            }
        }

        return HasFreeSlot(allowList.Count, maxActivations) ? ActivationDecision.TakeSlot : ActivationDecision.Full;
    }
}

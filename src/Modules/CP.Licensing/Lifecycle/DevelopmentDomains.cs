using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Which domains are development environments (docs/verify-api.md, "Development environments"):
/// a list of patterns where <c>*</c> stands for one or more labels (<c>*.test</c>, <c>staging.*</c>,
/// <c>*.staging.*</c>), plus every domain that is a loopback, private or link-local IP literal.
/// Patterns compare with domains as Verify normalizes them (lower case, punycode, no <c>www.</c>).
/// </summary>
public sealed class DevelopmentDomains
{
    /// <summary>The patterns a new site starts with.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "localhost", "*.localhost", "*.local", "*.test", "*.example", "*.invalid",
        "staging.*", "*.staging.*", "dev.*", "test.*",
    ];

    /// <summary>The most patterns a site may have.</summary>
    public const int MaxPatterns = 100;

    private readonly string[][] patterns;

    private DevelopmentDomains(string[][] patterns, IReadOnlyList<string> text)
    {
        this.patterns = patterns;
        Patterns = text;
    }

    /// <summary>The patterns as written (normalized: trimmed, lower case).</summary>
    public IReadOnlyList<string> Patterns { get; }

    public static DevelopmentDomains Default { get; } = Parse(Defaults, out _)!;

    /// <summary>
    /// The patterns, or null with <paramref name="error"/> naming the first bad one. A pattern is
    /// labels of letters, digits and hyphens separated by dots, where a label may be <c>*</c> (not every label).
    /// </summary>
    public static DevelopmentDomains? Parse(IEnumerable<string> patterns, out string? error)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var parsed = new List<string[]>();
        var text = new List<string>();
        foreach (var raw in patterns)
        {
            var pattern = (raw ?? string.Empty).Trim().TrimEnd('.').ToLowerInvariant();
            if (pattern.Length == 0)
            {
                continue;
            }

            var labels = pattern.Split('.');
            var valid = pattern.Length <= 253
                && labels.Any(l => l != "*")
                && labels.All(l => l == "*" || EnvironmentName.IsHostName(l))
                && !labels.Zip(labels.Skip(1)).Any(p => p.First == "*" && p.Second == "*");
            if (!valid)
            {
                error = $"\"{raw}\" is not a domain pattern: use labels of letters, digits and hyphens, and * for one or more labels (e.g. *.test or staging.*).";
                return null;
            }

            if (!text.Contains(pattern, StringComparer.Ordinal))
            {
                parsed.Add(labels);
                text.Add(pattern);
            }
        }

        if (text.Count > MaxPatterns)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"Enter at most {MaxPatterns} development domain patterns.");
            return null;
        }

        error = null;
        return new DevelopmentDomains([.. parsed], text);
    }

    /// <summary>True when the normalized <paramref name="domain"/> is a development domain.</summary>
    public bool Contains(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (EnvironmentName.ParseIp(domain) is { } address)
        {
            return IsDevelopmentAddress(address);
        }

        foreach (var pattern in patterns)
        {
            if (Matches(pattern, 0, domain, 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Loopback, private (RFC 1918, IPv6 unique local) or link-local.</summary>
    public static bool IsDevelopmentAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] == 10
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal;
    }

    // "*" takes one or more labels; any other label must be equal. The domain's labels are read in
    // place from position start (no split: this runs on every Verify call).
    private static bool Matches(string[] pattern, int p, string domain, int start)
    {
        if (p == pattern.Length)
        {
            return start == domain.Length + 1;
        }

        if (start > domain.Length)
        {
            return false;
        }

        var dot = domain.IndexOf('.', start);
        var end = dot < 0 ? domain.Length : dot;
        if (pattern[p] != "*")
        {
            return domain.AsSpan(start, end - start).SequenceEqual(pattern[p]) && Matches(pattern, p + 1, domain, end + 1);
        }

        while (true)
        {
            if (Matches(pattern, p + 1, domain, end + 1))
            {
                return true;
            }

            if (end == domain.Length)
            {
                return false;
            }

            dot = domain.IndexOf('.', end + 1);
            end = dot < 0 ? domain.Length : dot;
        }
    }
}

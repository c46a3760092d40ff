using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;

namespace CP.Licensing.Lifecycle;

/// <summary>The issued license, or the problems keyed by the <see cref="ManualLicenseRequest"/> property names.</summary>
public sealed record LicenseIssueResult(License? License, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => License is not null;

    public static LicenseIssueResult Fail(string field, string problem) => new(null, new Dictionary<string, string> { [field] = problem });
}

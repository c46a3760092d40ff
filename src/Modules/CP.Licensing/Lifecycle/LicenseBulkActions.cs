using CP.Licensing.Lifecycle.Records;
using StoreSite;

namespace CP.Licensing.Lifecycle;

/// <summary>
/// Revoke, Suspend or Reinstate many keys at once: each action is one transaction through the same
/// code as the single action (<see cref="LicenseRevoker"/>, <see cref="LicenseSuspensions"/>), with
/// set-based statements, and answers what it did and what it skipped and why. (Export selected
/// writes no data; the controller streams it.)
/// </summary>
public sealed class LicenseBulkActions(LicenseRevoker revoker, LicenseSuspensions suspensions)
{
    /// <summary>Parses the form's <c>action</c> (revoke, suspend, reinstate, export; any case); null when it is none of them.</summary>
    public static LicenseBulkAction? Parse(string? action) =>
        Enum.TryParse<LicenseBulkAction>(action, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(action, out _) ? parsed : null;

    public async Task<Outcome<LicenseSetResult>> RunAsync(LicenseBulkAction action, IReadOnlyCollection<int> licenseIds, string? reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(licenseIds);
        if (licenseIds.Count == 0)
        {
            return Outcome.Refused(LicenseProblems.NothingSelected, "ids");
        }

        switch (action)
        {
            case LicenseBulkAction.Revoke:
                var clean = LicenseSets.Reason(reason);
                return clean.Succeeded
                    ? Outcome<LicenseSetResult>.Done(await revoker.RevokeAsync(licenseIds, clean.Value!, actor, cancellationToken))
                    : clean.WithoutValue();
            case LicenseBulkAction.Suspend:
                return await suspensions.SuspendAsync(licenseIds, reason, actor, cancellationToken);
            case LicenseBulkAction.Reinstate:
                return await suspensions.ReinstateAsync(licenseIds, actor, cancellationToken);
            default:
                return Outcome.Refused(LicenseProblems.BulkActionUnknown, "action");
        }
    }
}

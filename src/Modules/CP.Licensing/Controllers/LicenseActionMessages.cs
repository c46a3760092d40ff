using System.Globalization;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using StoreSite;

namespace CP.Licensing.Controllers;

/// <summary>The words the admin reads about an action on a license, chosen from the service's <see cref="LicenseProblems"/> code.</summary>
public static class LicenseActionMessages
{
    public const string Revoked = "This key is revoked: its allow-list and limit can no longer change.";
    public const string RevokeDone = "The key is revoked: its next Verify call answers \"License has been revoked.\"";
    public const string RevokeReasonRequired = "Give the reason for revoking this key.";
    public const string EnvironmentGone = "That environment is no longer on this key's allow-list.";
    public const string ChangedMeanwhile = "The key changed meanwhile; look at it again and retry.";
    public const string NoSuchCustomer = "No account has this email.";
    public const string NegativeMaxActivations = "Max Activations cannot be negative (0 or empty is unlimited).";
    public const string MatchRuleRequired = "Choose how calls match the allow-list.";
    public const string InvalidEmail = "Enter a valid email address.";
    public const string ExpiryInPast = "The expiry date is in the past; leave it empty for a Lifetime key.";

    public static readonly string ProductNameInvalid = string.Create(CultureInfo.InvariantCulture, $"Enter a product name of at most {LicenseConfiguration.ProductNameMaxLength} characters.");

    public static string SlotFreed(FreedEnvironment freed)
    {
        ArgumentNullException.ThrowIfNull(freed);
        return freed.Development
            ? $"Removed the development site {freed.Environment}; it used no slot."
            : $"Removed {freed.Environment}: one slot is free.";
    }

    public static string MaxActivationsChanged(MaxActivationsChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Changed
            ? $"Max Activations changed from {Limit(change.Old)} to {Limit(change.New)}."
            : $"Max Activations already is {Limit(change.New)}.";
    }

    public static string Generated(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return $"Key generated for {license.CustomerEmail}.";
    }

    public static string AlreadyRevoked(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return $"This key was already revoked{(license.RevokedBy is null ? string.Empty : " by " + license.RevokedBy)}; nothing changed.";
    }

    /// <summary>"This key has 4 environments; remove 2 before lowering the limit to 2."</summary>
    public static string BelowActivationsUsed(int used, int maxActivations) =>
        string.Create(CultureInfo.InvariantCulture, $"This key has {used} environment{(used == 1 ? string.Empty : "s")}; remove {used - maxActivations} before lowering the limit to {maxActivations}.");

    /// <summary>Why a change to a license's slots or limit did not happen; <paramref name="license"/> is the key as it is now.</summary>
    public static string ChangeRefused(Outcome outcome, License license, int requestedMax)
    {
        ArgumentNullException.ThrowIfNull(license);
        return outcome.Problem switch
        {
            LicenseProblems.Revoked => Revoked,
            LicenseProblems.EnvironmentGone => EnvironmentGone,
            LicenseProblems.MaxActivationsOutOfRange => LicensingLimits.MaxActivationsProblem,
            LicenseProblems.BelowActivationsUsed => BelowActivationsUsed(license.ActivationsUsed, requestedMax),
            LicenseProblems.ChangedMeanwhile => ChangedMeanwhile,
            _ => Unknown(outcome),
        };
    }

    /// <summary>Why Generate License refused (shown next to <see cref="Outcome.Field"/>).</summary>
    public static string IssueRefused(Outcome outcome) => outcome.Problem switch
    {
        LicenseProblems.NoSuchCustomer => NoSuchCustomer,
        LicenseProblems.ProductNameInvalid => ProductNameInvalid,
        LicenseProblems.MaxActivationsOutOfRange => NegativeMaxActivations,
        LicenseProblems.MatchRuleInvalid => MatchRuleRequired,
        _ => Unknown(outcome),
    };

    private static string Limit(int maxActivations) =>
        maxActivations == 0 ? "unlimited" : maxActivations.ToString(CultureInfo.InvariantCulture);

    private static string Unknown(Outcome outcome) => $"The change was refused ({outcome.Problem}).";

    #region The customer's key page (Account -> Licenses -> a key)

    /// <summary>The notice after the customer deactivated an environment.</summary>
    public static string CustomerDeactivated(Deactivation deactivation)
    {
        ArgumentNullException.ThrowIfNull(deactivation);
        return deactivation.Development
            ? $"Removed the development site {deactivation.Environment}; it used no activation."
            : string.Create(CultureInfo.InvariantCulture, $"Deactivated {deactivation.Environment}: its activation is free ({ViewModels.LicenseText.ActivationsOf(deactivation.ActivationsUsed, deactivation.MaxActivations)} used).");
    }

    /// <summary>Why the customer's deactivation did not happen; <paramref name="allowance"/> is the key's.</summary>
    public static string CustomerDeactivationRefused(Outcome outcome, DeactivationAllowance allowance) => outcome.Problem switch
    {
        LicenseProblems.DeactivationLimit => ViewModels.CustomerLicenseText.UsedUp(allowance),
        LicenseProblems.Revoked => "This key is revoked: its sites can no longer change.",
        LicenseProblems.EnvironmentGone => "That site is no longer on this key.",
        _ => Unknown(outcome),
    };

    #endregion
}

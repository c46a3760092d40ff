using System.Globalization;
using CP.Licensing.Data;
using CP.Licensing.Lifecycle;
using CP.Licensing.Lifecycle.Records;
using CP.Licensing.Models;
using CP.Licensing.ViewModels;
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
    public const string NoSuchCustomerOffer = "No account has this email. Tick \u201cCreate the account and send an invitation\u201d to create it.";
    public const string ProductNameRequired = "Enter the product name the key is for.";
    public const string ProductUnknown = "Choose a product of the catalog (that one does not exist), or none.";
    public const string PlanUnknown = "Choose a plan of the list (that one does not exist), or none.";
    public const string PlanOfAnotherProduct = "That plan belongs to another product; choose one of the chosen product's plans, or no plan.";
    public const string DeactivationsOutOfRange = "Enter a number from 0 (unlimited) to 1000.";
    public const string OrderReferenceInvalid = "Enter an order reference of at most 64 characters, without control characters (tabs, line breaks).";
    public const string PlanFilled = "The plan's settings are filled in below; check them (change any) and press Create license.";

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

    /// <summary>The notice after Generate License: for whom, whether an account was invited, whether the key was mailed.</summary>
    public static string Generated(GeneratedLicense generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var email = generated.License.CustomerEmail;
        return Generated(generated.License)
            + (generated.Invited ? $" An account was created for {email} and an invitation mailed." : string.Empty)
            + (generated.Notified ? " The key was mailed to the customer." : " No mail with the key was sent.");
    }

    /// <summary>Why Generate License refused, next to its field.</summary>
    public static string GenerateRefused(Outcome outcome) => outcome.Problem switch
    {
        LicenseProblems.NoSuchCustomer => NoSuchCustomerOffer,
        LicenseProblems.InvalidEmail => InvalidEmail,
        LicenseProblems.ProductUnknown => ProductUnknown,
        LicenseProblems.PlanUnknown => PlanUnknown,
        LicenseProblems.PlanOfAnotherProduct => PlanOfAnotherProduct,
        LicenseProblems.DeactivationsOutOfRange => DeactivationsOutOfRange,
        LicenseProblems.OrderReferenceInvalid => OrderReferenceInvalid,
        _ => IssueRefused(outcome),
    };

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

    #region License lifecycle, the admin's side

    public const string SuspendReasonRequired = "Give the reason for suspending this key.";
    public const string BulkReasonRequired = "Give the reason for this action; it is kept in each key's history.";
    public const string SuspendDone = "The key is suspended: its next Verify call answers \"License is suspended.\" Reinstate it to let it run again.";
    public const string ReinstateDone = "The key is reinstated: it runs again as its dates say.";
    public const string AlreadySuspended = "This key is already suspended; nothing changed.";
    public const string NotSuspended = "This key is not suspended; nothing changed.";
    public const string RevokedNoSuspension = "This key is revoked, permanently: it can be neither suspended nor reinstated.";
    public const string ExpiryRequired = "Enter an expiry date, or tick Lifetime.";
    public const string BulkNothingSelected = "Choose at least one key (or all matching the filter).";
    public const string BulkActionUnknown = "Choose an action: Revoke, Suspend, Reinstate or Export selected.";

    public static readonly string ReasonTooLong = string.Create(CultureInfo.InvariantCulture, $"The reason must be at most {LicenseConfiguration.ReasonMaxLength} characters.");

    /// <summary>Why Suspend or Reinstate did not happen.</summary>
    public static string SuspensionRefused(Outcome outcome) => outcome.Problem switch
    {
        LicenseProblems.ReasonRequired => SuspendReasonRequired,
        LicenseProblems.ReasonTooLong => ReasonTooLong,
        LicenseProblems.Revoked => RevokedNoSuspension,
        LicenseProblems.AlreadySuspended => AlreadySuspended,
        LicenseProblems.NotSuspended => NotSuspended,
        _ => Unknown(outcome),
    };

    public static string ExpiryChanged(ExpiryChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Changed
            ? $"Expiry changed from {LicenseText.Expiry(change.Old)} to {LicenseText.Expiry(change.New)}; Verify answers the new expiry at once."
            : $"The expiry already is {LicenseText.Expiry(change.New)}.";
    }

    /// <summary>Why a bulk action did not run at all (no key chosen, no reason, unknown action).</summary>
    public static string BulkRefused(Outcome outcome) => outcome.Problem switch
    {
        LicenseProblems.NothingSelected => BulkNothingSelected,
        LicenseProblems.ReasonRequired => BulkReasonRequired,
        LicenseProblems.ReasonTooLong => ReasonTooLong,
        LicenseProblems.BulkActionUnknown => BulkActionUnknown,
        _ => Unknown(outcome),
    };

    /// <summary>"Suspended 2 keys." and, when some were skipped, "Skipped 1: already revoked (CP-…)." grouped by reason, a few keys each.</summary>
    public static string BulkDone(LicenseBulkAction action, LicenseSetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verb = action switch
        {
            LicenseBulkAction.Revoke => "Revoked",
            LicenseBulkAction.Suspend => "Suspended",
            _ => "Reinstated",
        };
        var done = $"{verb} {LicenseText.Count(result.Done.Count, "key", "keys")}.";
        if (result.Skipped.Count == 0)
        {
            return done;
        }

        var reasons = result.Skipped
            .GroupBy(s => s.Problem)
            .Select(g => $"{SkipReason(g.Key)} ({string.Join(", ", g.Take(BulkKeysShown).Select(s => s.Key ?? "#" + s.Id.ToString(CultureInfo.InvariantCulture)))}{(g.Count() > BulkKeysShown ? $" and {(g.Count() - BulkKeysShown).ToString("N0", CultureInfo.InvariantCulture)} more" : string.Empty)})");
        return $"{done} Skipped {result.Skipped.Count.ToString("N0", CultureInfo.InvariantCulture)}: {string.Join("; ", reasons)}.";
    }

    public const string SameCustomer = "The key already belongs to this customer.";

    public static string TransferDone(LicenseTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return $"The key moved from {transfer.OldEmail} to {transfer.NewEmail}{(transfer.Invited ? " (a new account, invited by mail to set its password)" : string.Empty)}; both were mailed. Verify answers as before.";
    }

    /// <summary>Why Transfer did not happen (shown next to the email field).</summary>
    public static string TransferRefused(Outcome outcome) => outcome.Problem switch
    {
        LicenseProblems.InvalidEmail => InvalidEmail,
        LicenseProblems.SameCustomer => SameCustomer,
        LicenseProblems.ChangedMeanwhile => ChangedMeanwhile,
        _ => Unknown(outcome),
    };

    /// <summary>How many skipped keys a bulk notice names per reason.</summary>
    public const int BulkKeysShown = 5;

    private static string SkipReason(string problem) => problem switch
    {
        LicenseProblems.AlreadyRevoked or LicenseProblems.Revoked => "already revoked",
        LicenseProblems.AlreadySuspended => "already suspended",
        LicenseProblems.NotSuspended => "not suspended",
        LicenseProblems.NotFound => "no longer exists",
        _ => problem,
    };

    #endregion

    public const string RemindersOn = "Renewal reminders are on: we will mail you before a key expires.";

    public const string RemindersOff = "Renewal reminders are off.";
}

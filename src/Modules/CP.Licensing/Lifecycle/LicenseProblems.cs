namespace CP.Licensing.Lifecycle;

/// <summary>
/// Why a licensing service refused (the <see cref="StoreSite.Outcome.Problem"/> codes). Stable
/// codes, never sentences: the web layer chooses the words (<c>Controllers/LicenseActionMessages</c>).
/// </summary>
public static class LicenseProblems
{
    /// <summary>No license has that id.</summary>
    public const string NotFound = "not_found";

    /// <summary>The key is revoked: its allow-list and limit no longer change.</summary>
    public const string Revoked = "revoked";

    /// <summary>The key was already revoked; nothing changed.</summary>
    public const string AlreadyRevoked = "already_revoked";

    /// <summary>The environment is no longer on the key's allow-list.</summary>
    public const string EnvironmentGone = "environment_gone";

    /// <summary>Max Activations outside 0..<see cref="Data.LicensingLimits.MaxActivations"/> (or negative).</summary>
    public const string MaxActivationsOutOfRange = "max_activations_out_of_range";

    /// <summary>The new Max Activations is below Activations Used.</summary>
    public const string BelowActivationsUsed = "below_activations_used";

    /// <summary>The key changed between the read and the write; look again and retry.</summary>
    public const string ChangedMeanwhile = "changed_meanwhile";

    /// <summary>No account has the customer email.</summary>
    public const string NoSuchCustomer = "no_such_customer";

    /// <summary>The product name is empty or too long.</summary>
    public const string ProductNameInvalid = "product_name_invalid";

    /// <summary>The match rule is not one of Domain or IP, Domain only, IP only.</summary>
    public const string MatchRuleInvalid = "match_rule_invalid";

    /// <summary>The key's self-service deactivation allowance is used up (or deactivation is not allowed).</summary>
    public const string DeactivationLimit = "deactivation_limit";

    #region Generate License

    /// <summary>No catalog product has that id (or it is archived).</summary>
    public const string ProductUnknown = "product_unknown";

    /// <summary>No plan has that id.</summary>
    public const string PlanUnknown = "plan_unknown";

    /// <summary>The plan belongs to another product than the one chosen.</summary>
    public const string PlanOfAnotherProduct = "plan_of_another_product";

    /// <summary>Deactivations per 30 days outside 0..<see cref="DeactivationAllowance.MaxPer30Days"/>.</summary>
    public const string DeactivationsOutOfRange = "deactivations_out_of_range";

    /// <summary>The order reference is longer than <see cref="Data.LicenseConfiguration.OrderNumberMaxLength"/> or holds control characters.</summary>
    public const string OrderReferenceInvalid = "order_reference_invalid";

    #endregion

    #region License lifecycle, the admin's side

    /// <summary>The key is suspended already; nothing changed.</summary>
    public const string AlreadySuspended = "already_suspended";

    /// <summary>The key is not suspended, so there is nothing to reinstate.</summary>
    public const string NotSuspended = "not_suspended";

    /// <summary>The action needs a reason (suspend, revoke) and none was given.</summary>
    public const string ReasonRequired = "reason_required";

    /// <summary>The reason is longer than <see cref="Data.LicenseConfiguration.ReasonMaxLength"/>.</summary>
    public const string ReasonTooLong = "reason_too_long";

    /// <summary>Neither an expiry date nor Lifetime was given.</summary>
    public const string ExpiryRequired = "expiry_required";

    /// <summary>A bulk action that is none of revoke, suspend, reinstate, export.</summary>
    public const string BulkActionUnknown = "bulk_action_unknown";

    /// <summary>A bulk action with no keys chosen.</summary>
    public const string NothingSelected = "nothing_selected";

    /// <summary>The email for a transfer is not a valid address (or no account could be made for it).</summary>
    public const string InvalidEmail = "invalid_email";

    /// <summary>The key already belongs to that customer.</summary>
    public const string SameCustomer = "same_customer";

    #endregion
}

using CP.Licensing.Models;

namespace CP.Licensing.Lifecycle.Records;

/// <summary>
/// What a key generated for a plan starts from (Generate License): the plan's licensing section
/// (Max Activations, match rule, validity as an expiry from today, deactivation allowance), each
/// overridable in the form. A plan without a licensing section gives the section's defaults.
/// </summary>
public sealed record PlanDefaults(
    int PlanId,
    string PlanName,
    int ProductId,
    string ProductName,
    DateOnly? ExpiresOn,
    int MaxActivations,
    LicenseMatchRule MatchBy,
    bool DevelopmentSitesFree,
    bool DeactivationsAllowed,
    int DeactivationsPer30Days);

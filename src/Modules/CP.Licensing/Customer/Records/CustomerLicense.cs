namespace CP.Licensing.Customer.Records;

/// <summary>A key as its customer sees it on Account -> Licenses.</summary>
/// <param name="SuspendedAt">When the store paused the key; null while it is not suspended (the reason stays internal).</param>
/// <param name="PlanRenews">Whether the key's plan sells renewals.</param>
public sealed record CustomerLicense(int Id, string Key, string ProductName, DateOnly? ExpiresOn, int MaxActivations, int ActivationsUsed, DateTimeOffset? SuspendedAt = null, bool PlanRenews = false);

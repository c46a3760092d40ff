namespace CP.Licensing.Customer.Records;

/// <summary>A key as its customer sees it on Account -> Licenses.</summary>
public sealed record CustomerLicense(int Id, string Key, string ProductName, DateOnly? ExpiresOn, int MaxActivations, int ActivationsUsed);

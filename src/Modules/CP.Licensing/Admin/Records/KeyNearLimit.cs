namespace CP.Licensing.Admin.Records;

/// <summary>A key with most of its Max Activations used (the admin dashboard).</summary>
public sealed record KeyNearLimit(int Id, string Key, string CustomerEmail, string ProductName, int ActivationsUsed, int MaxActivations);

using CP.Licensing.Models;

namespace CP.Licensing.Services;

/// <summary>A license with its environments and history (oldest first), its plan's name, and its status today.</summary>
public sealed record LicenseDetail(License License, string? PlanName, LicenseStatus Status);

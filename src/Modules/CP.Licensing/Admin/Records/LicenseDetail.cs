using CP.Licensing.Admin;
using CP.Licensing.Models;

namespace CP.Licensing.Admin.Records;

/// <summary>
/// A license with its plan's name and its status today. Its environments and history are not loaded
/// (<see cref="License.Activations"/> and <see cref="License.Events"/> stay empty): they page, see
/// <see cref="LicenseDetailQuery.ListsAsync"/>.
/// </summary>
public sealed record LicenseDetail(License License, string? PlanName, LicenseStatus Status);

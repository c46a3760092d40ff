namespace StoreSite.Tests.Hostile;

/// <summary>Whose browser sends a hostile request.</summary>
internal enum Who
{
    Anonymous,
    Customer,
    Admin,
}

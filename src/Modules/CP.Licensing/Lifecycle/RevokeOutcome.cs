namespace CP.Licensing.Lifecycle;

/// <summary>What a manual revocation did.</summary>
public enum RevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    NotFound,
}

namespace CP.Licensing.Api;

/// <summary>
/// A Deactivate answer (docs/verify-api.md, "Deactivate"): 200 with the key's activations after the
/// environment left the allow-list, or a failure with Verify's shape (<see cref="Failure"/>).
/// </summary>
public sealed class DeactivateResult
{
    private DeactivateResult(VerifyResult? failure, int used, int max)
    {
        Failure = failure;
        ActivationsUsed = used;
        MaxActivations = max;
    }

    /// <summary>Null when the environment was removed.</summary>
    public VerifyResult? Failure { get; }

    public int StatusCode => Failure?.StatusCode ?? 200;

    public string Code => Failure?.Code ?? VerifyContract.DeactivatedCode;

    /// <summary>Activations Used after the deactivation (production environments only).</summary>
    public int ActivationsUsed { get; }

    public int MaxActivations { get; }

    public static DeactivateResult Done(int used, int max) => new(null, used, max);

    public static DeactivateResult Refused(VerifyResult failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure, 0, 0);
    }
}

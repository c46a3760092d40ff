namespace CP.Licensing.Lifecycle.Records;

/// <summary>What a Max Activations change did: from <see cref="Old"/> to <see cref="New"/> (equal: nothing was written). 0 is unlimited.</summary>
public sealed record MaxActivationsChange(int Old, int New)
{
    public bool Changed => Old != New;
}

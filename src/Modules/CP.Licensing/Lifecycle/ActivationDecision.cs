namespace CP.Licensing.Lifecycle;

/// <summary>What a Verify call does with a license's allow-list (<see cref="ActivationRule.Decide"/>).</summary>
public enum ActivationDecision
{
    /// <summary>The call matches an environment on the allow-list: no slot is used.</summary>
    Match,

    /// <summary>A new environment, and a slot is free: it is added and uses one.</summary>
    TakeSlot,

    /// <summary>A new environment and no free slot: <c>Max activations exceeded.</c></summary>
    Full,
}

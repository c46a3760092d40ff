namespace CP.Commerce;

/// <summary>The commerce module's id, for modules that depend on it (their manifests) without referencing it.</summary>
public static class CommerceModule
{
    public const string Id = "CP.Commerce";
}

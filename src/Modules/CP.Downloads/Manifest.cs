using StoreSite.Modules;

namespace CP.Downloads;

public static class Manifest
{
    public const string Id = "CP.Downloads";

    public static readonly ModuleManifest Module = new(
        Id,
        "Downloads",
        "Product releases with their files (SemVer version, Markdown notes, published or not), managed under Admin -> Products.",
        [CP.Commerce.CommerceModule.Id]);
}

using StoreSite.Modules;

namespace CP.Licensing;

public static class Manifest
{
    public const string Id = "CP.Licensing";

    public static readonly ModuleManifest Module = new(
        Id,
        "Licensing",
        "Signed license keys issued on payment and revoked on refund, the Verify API with activation counting, and the customer's licenses.",
        [CP.Commerce.CommerceModule.Id]);
}

using StoreSite.Modules;

namespace CP.Commerce;

public static class Manifest
{
    public const string Id = CommerceModule.Id;

    public static readonly ModuleManifest Module = new(
        Id,
        "Commerce",
        "Products sold in pricing plans, cart and checkout, payments, orders, refunds and order emails.");
}

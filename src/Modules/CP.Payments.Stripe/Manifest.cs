using StoreSite.Modules;

namespace CP.Payments.Stripe;

public static class Manifest
{
    public const string Id = "CP.Payments.Stripe";

    public static readonly ModuleManifest Module = new(
        Id,
        "Stripe payments",
        "Takes real payments through Stripe Checkout; payments, refunds and disputes made in Stripe reach the orders through Stripe's signed webhooks.",
        [CP.Commerce.CommerceModule.Id]);
}

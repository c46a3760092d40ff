namespace CP.Commerce.Discounts;

/// <summary>A field of a discount the <see cref="DiscountWriter"/> refused, and why in words; the field is the admin form's name.</summary>
public sealed record DiscountField(string Field, string Message)
{
    public const string Code = nameof(DiscountDraft.Code);
    public const string Kind = nameof(DiscountDraft.Kind);
    public const string Percent = "Percent";
    public const string Amount = "Amount";
    public const string AppliesTo = nameof(DiscountDraft.AppliesTo);
    public const string ProductIds = nameof(DiscountDraft.ProductIds);
    public const string PlanIds = nameof(DiscountDraft.PlanIds);
    public const string ValidFrom = nameof(DiscountDraft.ValidFrom);
    public const string ValidUntil = nameof(DiscountDraft.ValidUntil);
    public const string MaxRedemptions = nameof(DiscountDraft.MaxRedemptions);
    public const string MaxPerCustomer = nameof(DiscountDraft.MaxPerCustomer);
}

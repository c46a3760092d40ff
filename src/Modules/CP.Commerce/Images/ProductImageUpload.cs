namespace CP.Commerce.Images;

/// <summary>What the image form (or a recipe) sends: the file's content (null: keep the image, change only the text alternative) and the text alternative.</summary>
public sealed record ProductImageUpload(int ProductId, Stream? Content, string? Alt);

namespace CP.Commerce.Confirmation;

/// <summary>A module's section of the order confirmation email: plain text, and HTML it has already encoded.</summary>
public sealed record OrderEmailSection(string Title, string Text, string Html);

namespace StoreSite.Settings;

/// <summary>An ISO 4217 currency: its code (<c>EUR</c>), English name, and how many decimals amounts in it have (0 for JPY, 3 for KWD).</summary>
public sealed record IsoCurrency(string Code, string Name, int MinorUnits);

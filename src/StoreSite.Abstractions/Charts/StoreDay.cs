namespace StoreSite.Charts;

/// <summary>One calendar day in the store's time zone, as the instants it runs between (UTC): <c>[Start, End)</c>.</summary>
public sealed record StoreDay(DateOnly Day, DateTimeOffset Start, DateTimeOffset End);

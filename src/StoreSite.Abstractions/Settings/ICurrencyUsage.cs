namespace StoreSite.Settings;

/// <summary>
/// Implemented by a module whose data is written in the store's currency (commerce: orders and plan
/// prices). Admin -> Settings asks every implementation before the currency changes, and asks the
/// admin to confirm when any answers something.
/// </summary>
public interface ICurrencyUsage
{
    Task<CurrencyUsage> CountAsync(CancellationToken cancellationToken);
}

using CP.Commerce.Catalog;
using CP.Downloads.Entitlement;
using CP.Downloads.Models;

namespace CP.Downloads.Customer;

/// <summary>
/// One entitled product on Account -> Downloads: the newest release the customer may download, the
/// older ones (at most <see cref="CustomerDownloadsQuery.OlderShown"/>, with how many there are in all),
/// and when updates ended the newest release they are not entitled to.
/// </summary>
public sealed record ProductDownloads(
    ProductSummary Product,
    ProductEntitlement Entitlement,
    Release? Latest,
    IReadOnlyList<Release> Older,
    int OlderCount,
    Release? NewerNotEntitled);

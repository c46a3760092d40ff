using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Files;
using StoreSite.Web.Data;

namespace StoreSite.Tests.Licensing;

/// <summary>
/// The Licenses step holds a batch, never the file: importing 50,000 entries allocates a bounded
/// amount per entry, and the managed heap sampled during the import grows by less than a ceiling
/// that holding the entries would pass (50,000 tracked licenses, or the file's text, document and
/// entries together at a larger size). Measured: about 20 MB at the peak, most of it garbage not yet collected.
/// </summary>
[Collection(FileStoreMemoryCollection.Name)]
public sealed class LicenseImportMemoryTests
{
    private const int Count = 50_000;

    /// <summary>What one entry may allocate (its document, strings, paths, its share of the JSON rows and of the database driver).</summary>
    private const long AllowedPerEntry = 12 * 1024;

    private const long AllowedHeapGrowth = 64L * 1024 * 1024;

    [Fact]
    public async Task Importing_50000_entries_allocates_a_bounded_amount_per_entry_and_never_holds_the_file()
    {
        await using var site = await LicensingSite.StartAsync();
        using var recipe = LargeRecipeFile.Write(Count);
        using var warm = LargeRecipeFile.Write(10);
        Assert.True((await LargeLicenseImportTests.RunFileAsync(site, warm)).Succeeded);
        await site.InScopeAsync(sp => sp.GetRequiredService<StoreSiteDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM \"Licenses\""));

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peakHeap = 0;
        var running = true;
        var sampler = Task.Run(async () =>
        {
            while (Volatile.Read(ref running))
            {
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
                await Task.Delay(2);
            }
        });

        var result = await LargeLicenseImportTests.RunFileAsync(site, recipe);

        Volatile.Write(ref running, false);
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.True(result.Succeeded, result.Error);
        Assert.True(allocated < Count * AllowedPerEntry, $"Importing {Count:N0} entries ({recipe.Length:N0} bytes) allocated {allocated:N0} bytes ({allocated / Count:N0} per entry).");
        Assert.True(peakHeap - heapBefore < AllowedHeapGrowth, $"The heap grew by {peakHeap - heapBefore:N0} bytes at its peak while importing a file of {recipe.Length:N0} bytes.");
    }
}

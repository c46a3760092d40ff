namespace StoreSite.Tests.Infrastructure;

/// <summary>The repository the tests run from (the folder holding StoreSite.sln): for tests that read sources and docs.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StoreSite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (StoreSite.sln) was not found above the test's folder.");
    }
}

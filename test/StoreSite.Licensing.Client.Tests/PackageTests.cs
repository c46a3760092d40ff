namespace StoreSite.Licensing.Client.Tests;

public sealed class PackageTests
{
    [Fact]
    public void The_client_references_no_project_of_the_store()
    {
        var references = typeof(LicenseClient).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("NSec.Cryptography", references);
        Assert.DoesNotContain(references, r => r.StartsWith("CP.", StringComparison.Ordinal) || (r.StartsWith("StoreSite.", StringComparison.Ordinal) && r != "StoreSite.Licensing.Client"));
    }
}

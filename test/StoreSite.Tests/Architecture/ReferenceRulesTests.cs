using StoreSite.Tests.Infrastructure;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StoreSite.Tests.Architecture;

/// <summary>
/// The reference rules of docs/architecture.md, read from the built assemblies and from the project
/// files: a module sees other modules only through their Abstractions, and the contract libraries
/// carry no database provider.
/// </summary>
public sealed partial class ReferenceRulesTests
{
    private static readonly string[] ProviderPackages = ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite"];

    [Fact]
    public void Licensing_references_commerce_only_through_its_abstractions()
    {
        var references = Referenced(typeof(CP.Licensing.Startup).Assembly);

        Assert.Contains("CP.Commerce.Abstractions", references);
        Assert.DoesNotContain("CP.Commerce", references);
        Assert.DoesNotContain(ProjectReferences("src/Modules/CP.Licensing/CP.Licensing.csproj"), p => p == "CP.Commerce.csproj");
    }

    [Fact]
    public void Stripe_references_commerce_only_through_its_abstractions()
    {
        var references = Referenced(typeof(CP.Payments.Stripe.Startup).Assembly);

        Assert.Contains("CP.Commerce.Abstractions", references);
        Assert.Contains("Stripe.net", references);
        Assert.DoesNotContain("CP.Commerce", references);
        Assert.DoesNotContain("CP.Licensing", references);
        Assert.DoesNotContain(ProjectReferences("src/Modules/CP.Payments.Stripe/CP.Payments.Stripe.csproj"), p => p is "CP.Commerce.csproj" or "CP.Licensing.csproj");
    }

    [Fact]
    public void Downloads_references_commerce_and_licensing_only_through_their_abstractions()
    {
        var references = Referenced(typeof(CP.Downloads.Startup).Assembly);

        Assert.Contains("CP.Commerce.Abstractions", references);
        Assert.Contains("CP.Licensing.Abstractions", references);
        Assert.DoesNotContain("CP.Commerce", references);
        Assert.DoesNotContain("CP.Licensing", references);
        Assert.DoesNotContain(ProjectReferences("src/Modules/CP.Downloads/CP.Downloads.csproj"), p => p is "CP.Commerce.csproj" or "CP.Licensing.csproj");
    }

    [Fact]
    public void No_module_references_another_module_s_implementation()
    {
        foreach (var project in ModuleProjects().Where(p => !p.EndsWith(".Abstractions.csproj", StringComparison.Ordinal)))
        {
            var modules = ProjectReferences(project).Where(r => r.StartsWith("CP.", StringComparison.Ordinal));
            Assert.All(modules, r => Assert.EndsWith(".Abstractions.csproj", r, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("src/StoreSite.Abstractions/StoreSite.Abstractions.csproj")]
    [InlineData("src/Modules/CP.Commerce.Abstractions/CP.Commerce.Abstractions.csproj")]
    [InlineData("src/Modules/CP.Licensing.Abstractions/CP.Licensing.Abstractions.csproj")]
    public void Contract_libraries_carry_no_database_provider_package(string project)
    {
        var packages = PackageReferences(project);

        Assert.DoesNotContain(packages, p => ProviderPackages.Any(provider => p.StartsWith(provider, StringComparison.Ordinal)));
        Assert.DoesNotContain(ProjectReferences(project), r => r == "StoreSite.Data.csproj");
    }

    [Fact]
    public void The_contract_assemblies_load_no_database_provider()
    {
        foreach (var assembly in new[] { typeof(StoreSite.Outcome).Assembly, typeof(CP.Commerce.Events.IOrderEvents).Assembly, typeof(CP.Licensing.Grants.ILicenseGrants).Assembly })
        {
            Assert.DoesNotContain(Referenced(assembly), r => ProviderPackages.Any(provider => r.StartsWith(provider, StringComparison.Ordinal)) || r == "StoreSite.Data");
        }
    }

    [Fact]
    public void Only_the_host_references_the_S3_client()
    {
        Assert.Contains("AWSSDK.S3", PackageReferences("src/StoreSite.Web/StoreSite.Web.csproj"));
        Assert.DoesNotContain("AWSSDK.S3", Referenced(typeof(StoreSite.Files.IFileStore).Assembly));
        foreach (var project in ModuleProjects().Append(Path.Combine(Root, "src/StoreSite.Abstractions/StoreSite.Abstractions.csproj")))
        {
            Assert.DoesNotContain(PackageReferences(project), p => p.StartsWith("AWSSDK", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Commerce_abstractions_reference_no_commerce_implementation()
    {
        Assert.DoesNotContain("CP.Commerce", Referenced(typeof(CP.Commerce.Events.IOrderEvents).Assembly));
    }

    [Fact]
    public void No_source_file_cites_a_document_outside_the_repository()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("DESIGN.md", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_document_a_source_comment_cites_exists()
    {
        var cited = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => DocsCitation().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(cited);
        Assert.All(cited, doc => Assert.True(File.Exists(Path.Combine(Root, doc)), $"{doc} is cited but does not exist."));
    }

    private static string Root => Repository.Root;

    private static HashSet<string> Referenced(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> ModuleProjects() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src", "Modules"), "*.csproj", SearchOption.AllDirectories);

    private static List<string> ProjectReferences(string project) =>
        Project(project).Descendants("ProjectReference").Select(r => Path.GetFileName(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();

    private static List<string> PackageReferences(string project) =>
        Project(project).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

    private static XDocument Project(string project) => XDocument.Load(Path.IsPathRooted(project) ? project : Path.Combine(Root, project));


    [GeneratedRegex(@"docs/[A-Za-z0-9_.-]+\.md")]
    private static partial Regex DocsCitation();
}

using StoreSite.Tests.Infrastructure;
using System.Text.RegularExpressions;

namespace StoreSite.Tests.Architecture;

/// <summary>
/// The web-layer conventions of docs/architecture.md, read from the sources: notices go through
/// the one notifier (no TempData key typed in a controller or a view), and the controllers and
/// views of the host and of every module build links from routes.
/// </summary>
public sealed partial class WebLayerRulesTests
{
    /// <summary>The files that own TempData keys as constants (the notifier, typed one-shot helpers).</summary>
    private static readonly string[] TempDataKeyOwners =
    [
        "src/StoreSite.Web/Notifications/TempDataNotifier.cs",
        "src/StoreSite.Web/Setup/SetupWelcome.cs",
    ];

    [Fact]
    public void No_source_file_indexes_TempData_with_a_typed_key() => Assert.Empty(TypedTempDataKeys("src"));

    [Fact]
    public void No_host_file_indexes_TempData_with_a_typed_key() => Assert.Empty(TypedTempDataKeys("src/StoreSite.Web"));

    [Theory]
    [InlineData("TempData[\"Notice\"] = message;")]
    [InlineData("TempData[ok ? \"Notice\" : \"Error\"] = message;")]
    [InlineData("@TempData[\"Key\"]")]
    [InlineData("tempData[\"Key\"] = key;")]
    public void The_TempData_rule_sees_a_typed_key(string line) => Assert.Matches(BareTempDataKey(), line);

    [Theory]
    [InlineData("tempData.GetTempData(context)[key] = message;")]
    [InlineData("foreach (var notice in TempDataNotifier.Read(TempData))")]
    public void The_TempData_rule_lets_constant_keys_and_the_notifier_pass(string line) => Assert.DoesNotMatch(BareTempDataKey(), line);

    [Fact]
    public void Controllers_and_views_type_no_link_to_a_page_of_the_site()
    {
        var offenders = WebLayerFolders()
            .SelectMany(folder => SourceFiles(folder, ".cs", ".cshtml"))
            .SelectMany(f => Lines(f).Where(l => TypedLink().IsMatch(l.Text) && !RouteTemplate().IsMatch(l.Text)).Select(l => $"{Relative(f)}:{l.Number}: {l.Text.Trim()}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("return Redirect(\"/admin/users\");")]
    [InlineData("<a href=\"/account\">My account</a>")]
    [InlineData("<form method=\"post\" action=\"/setup\">")]
    [InlineData("return Redirect(\"/\");")]
    public void The_link_rule_sees_a_typed_link(string line) => Assert.Matches(TypedLink(), line);

    private static string Root => Repository.Root;

    /// <summary>The host's and every module's controllers and views.</summary>
    private static IEnumerable<string> WebLayerFolders() =>
        new[] { "src/StoreSite.Web" }.Concat(Directory.EnumerateDirectories(Path.Combine(Root, "src/Modules")).Select(Relative))
            .SelectMany(project => new[] { $"{project}/Controllers", $"{project}/Views" })
            .Where(folder => Directory.Exists(Path.Combine(Root, folder)));

    /// <summary>Each line under <paramref name="folder"/> that indexes TempData with a typed key, outside the files that own their keys.</summary>
    private static List<string> TypedTempDataKeys(string folder) =>
        SourceFiles(folder, ".cs", ".cshtml", ".razor")
            .Where(f => !TempDataKeyOwners.Contains(Relative(f), StringComparer.Ordinal))
            .SelectMany(f => Lines(f).Where(l => BareTempDataKey().IsMatch(l.Text)).Select(l => $"{Relative(f)}:{l.Number}: {l.Text.Trim()}"))
            .ToList();

    private static IEnumerable<string> SourceFiles(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static IEnumerable<(int Number, string Text)> Lines(string file) =>
        File.ReadLines(file).Select((text, i) => (i + 1, text));

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');


    /// <summary>TempData indexed by an expression holding a string literal.</summary>
    [GeneratedRegex(@"TempData\s*\[[^\]]*""", RegexOptions.IgnoreCase)]
    private static partial Regex BareTempDataKey();

    /// <summary>A string or attribute value that starts with '/' (a path of the site typed by hand).</summary>
    [GeneratedRegex(@"(href|action)=""/|Redirect\(""/|""/(admin|account|setup)\b")]
    private static partial Regex TypedLink();

    /// <summary>A route template on a controller or action (where a path belongs).</summary>
    [GeneratedRegex(@"\[(Route|Http(Get|Post|Put|Delete))\(""")]
    private static partial Regex RouteTemplate();
}

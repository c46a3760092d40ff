using System.Text.Json;
using Microsoft.Playwright;

namespace StoreSite.BrowserTests;

/// <summary>
/// axe-core, from the npm package installed into <c>test/StoreSite.BrowserTests/axe/node_modules</c>
/// (<c>npm ci</c> there; <c>.ci/run</c> does it). It is evaluated in the page through the DevTools
/// protocol, which the page's Content-Security-Policy does not block, so the site keeps its strict
/// policy; nothing is downloaded at test time.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(Load);

    /// <summary>axe's violations on the current page, one line each: rule, impact, help and the offending elements.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(Source.Value);
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return results.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToList();
    }

    private static string Load()
    {
        var path = Path.Combine(Browser.RepositoryRoot(), "test", "StoreSite.BrowserTests", "axe", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"axe-core is not installed at {path}: run npm ci in test/StoreSite.BrowserTests/axe (bash .ci/run does it).");
        }

        // Evaluated as an expression; axe.min.js assigns window.axe.
        return File.ReadAllText(path);
    }
}

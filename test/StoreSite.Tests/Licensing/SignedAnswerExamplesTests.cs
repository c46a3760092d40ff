using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using StoreSite.Tests.Infrastructure;
using static StoreSite.Tests.Licensing.LicensingArrange;

namespace StoreSite.Tests.Licensing;

/// <summary>
/// The PHP and Node examples of docs/verify-api.md ("… with a signed answer"), taken from the doc
/// itself and run against a store on a real socket, so that the docs cannot rot. Needs Debian's
/// <c>php-cli</c> and Node (<c>bash .ci/run</c> installs php-cli).
/// </summary>
public sealed partial class SignedAnswerExamplesTests
{
    [Theory]
    [InlineData("php", "verify.php", "PHP, with a signed answer", "php")]
    [InlineData("node", "verify.mjs", "JavaScript (Node 18 and later), with a signed answer", "javascript")]
    public async Task The_documented_example_trusts_the_store_and_nothing_else(string program, string file, string heading, string language)
    {
        var code = Example(heading, language);
        var folder = Directory.CreateTempSubdirectory("storesite-example-");
        var script = Path.Combine(folder.FullName, file);
        await File.WriteAllTextAsync(script, code);
        await using var site = await LicensingSite.StartAsync(o => o.Kestrel = true);
        await VerifyApiV2Tests.ProductsAsync(site, "gallery-pro");
        var license = VerifyApiV2Tests.Keyed(License(product: "Gallery Pro", max: 1), "gallery-pro");
        license["matchBy"] = "Domain"; // every call comes from 127.0.0.1: count domains only
        await RunRecipeAsync(site, LicensesStep(license));
        var key = (await AllAsync(site)).Single().Key;
        using var http = new HttpClient { BaseAddress = site.BaseAddress };
        var publicKey = await VerifyApiV2Tests.PublicKeyAsync(http);
        var store = site.BaseAddress.ToString();

        var valid = await RunAsync(program, script, store, key, "shop.example.com", "203.0.113.10", "gallery-pro", publicKey);
        var full = await RunAsync(program, script, store, key, "other.example.com", "203.0.113.10", "gallery-pro", publicKey);
        var wrongKey = await RunAsync(program, script, store, key, "shop.example.com", "203.0.113.10", "gallery-pro", Convert.ToBase64String(new byte[32]));
        var down = await RunAsync(program, script, "http://127.0.0.1:9/", key, "shop.example.com", "203.0.113.10", "gallery-pro", publicKey);

        Assert.True(valid.GetProperty("trusted").GetBoolean(), valid.ToString());
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal(1, valid.GetProperty("activations").GetProperty("used").GetInt32());
        Assert.True(full.GetProperty("trusted").GetBoolean(), full.ToString());
        Assert.Equal("max_activations", full.GetProperty("code").GetString());
        Assert.False(wrongKey.GetProperty("trusted").GetBoolean());
        Assert.Equal("untrusted", wrongKey.GetProperty("code").GetString());
        Assert.False(down.GetProperty("trusted").GetBoolean());
        Assert.Equal("unreachable", down.GetProperty("code").GetString());
        folder.Delete(recursive: true);
    }

    /// <summary>The code block of <paramref name="language"/> right under <paramref name="heading"/> in docs/verify-api.md.</summary>
    private static string Example(string heading, string language)
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "verify-api.md"));
        var start = doc.IndexOf("### " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/verify-api.md has no heading '{heading}'.");
        var block = CodeBlock().Match(doc, start);
        Assert.True(block.Success && block.Groups["language"].Value == language, $"No {language} block under '{heading}'.");
        return block.Groups["code"].Value;
    }

    private static async Task<JsonElement> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{program} is not installed: apt-get install php-cli / nodejs (bash .ci/run installs php-cli).", ex);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {await errors}");
            using var answer = JsonDocument.Parse((await output).Trim());
            return answer.RootElement.Clone();
        }
    }

    [GeneratedRegex(@"```(?<language>[a-z]+)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}

using StoreSite.Data;
using Microsoft.Playwright;

namespace StoreSite.BrowserTests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, headless, with the flags that
/// keep it off the closed network. Each test gets a fresh context (cookies, clipboard permission).
/// Screenshots go to <c>TestResults/screenshots/&lt;test&gt;/NN-step.png</c> at the repository root.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _screenshots;
    private int _step;

    private Browser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string screenshots)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        _screenshots = screenshots;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<Browser> LaunchAsync(Uri baseAddress, string testName)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: apt-get install chromium (bash .ci/run does it).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            Permissions = ["clipboard-read", "clipboard-write"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var screenshots = Path.Combine(RepositoryRoot(), "TestResults", "screenshots", testName);
        Directory.CreateDirectory(screenshots);
        return new Browser(playwright, browser, context, page, screenshots);
    }

    /// <summary>Saves a full-page screenshot named after the step; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string step)
    {
        _step++;
        var path = Path.Combine(_screenshots, $"{_step:00}-{step}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    /// <summary>The folder holding StoreSite.sln, found upwards from the test binaries.</summary>
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StoreSite.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

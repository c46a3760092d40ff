using Microsoft.Playwright;

namespace StoreSite.BrowserTests;

/// <summary>What every main page must pass in the browser tests, collected so one run shows every page's problems.</summary>
public static class PageChecks
{
    /// <summary>
    /// Loads the page's images (lazy ones too), saves a screenshot named <paramref name="name"/>, then notes
    /// an image that did not load, a page wider than the window (it would scroll sideways) and axe-core's violations.
    /// </summary>
    public static async Task CheckAsync(Browser browser, string name, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(problems);
        var page = browser.Page;
        await page.EvaluateAsync("() => Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }))");
        await browser.ScreenshotAsync(name);
        var broken = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.currentSrc || i.src)");
        problems.AddRange(broken.Select(src => $"{name}: the image {src} did not load."));
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            problems.Add($"{name}: the page is {widths[0]} px wide in a {widths[1]} px window.");
        }

        problems.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{name}: axe {v}"));
    }

    /// <summary>Asserts that <paramref name="element"/> shows and lies within the window's width (nothing of it off to the side).</summary>
    public static async Task AssertOnScreenAsync(IPage page, ILocator element, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(element);
        Assert.True(await element.IsVisibleAsync(), $"{what} is not visible");
        var box = await element.BoundingBoxAsync();
        var innerWidth = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= innerWidth, $"{what} is at x {box.X}..{box.X + box.Width} in a {innerWidth} px window");
    }
}

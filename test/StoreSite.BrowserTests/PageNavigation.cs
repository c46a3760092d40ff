using Microsoft.Playwright;

namespace StoreSite.BrowserTests;

/// <summary>
/// Waiting for the page a click leads to. Playwright's <c>WaitForURLAsync</c> tracks the frame's
/// navigation and load events on the client side, and under a loaded CI machine it twice waited
/// out its 60 s with the right page already on screen. Here the browser itself is asked, every
/// 100 ms, for the document's address once it is parsed.
/// </summary>
public static class PageNavigation
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task ArrivedAsync(this IPage page, Func<Uri, bool> arrived)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(arrived);
        var deadline = DateTime.UtcNow + Timeout;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await page.EvaluateAsync<string>("document.readyState === 'loading' ? '' : location.href");
                if (last.Length > 0 && arrived(new Uri(last)))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // The document went away under the evaluation (a navigation): ask the next one.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The page did not arrive within {Timeout.TotalSeconds:0} s; it is at '{last}'.");
    }

    /// <summary>Arrived at exactly <paramref name="path"/> (any query).</summary>
    public static Task ArrivedAtAsync(this IPage page, string path) => page.ArrivedAsync(url => url.AbsolutePath == path);
}

using System.Net;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Hostile;

/// <summary>A site waiting for /setup (no recipe in its configuration), for the setup form's corpus.</summary>
public sealed class HostileSetupSite : IAsyncLifetime, IHostileSite
{
    private HttpClient? _visitor;

    internal TestSite Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = TestSite.Start(o => o.Recipe = null);
        _visitor = Site.CreateClient();
        return Task.CompletedTask;
    }

    HttpClient IHostileSite.Client(Who who) => _visitor!;

    public string Expand(string location) => location;

    public Task<string> FingerprintAsync(bool withoutRefusals = false) => DatabaseFingerprint.TakeAsync(Site.AppData, withoutRefusals);

    /// <summary>Still waiting for setup: the home page leads to /setup, which shows its form.</summary>
    public async Task AssertServingAsync()
    {
        using (var home = await _visitor!.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        }

        var setup = await _visitor.GetDocumentAsync("/setup");
        Assert.NotNull(setup.QuerySelector("form[action='/setup']"));
    }

    public async Task DisposeAsync()
    {
        _visitor?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}

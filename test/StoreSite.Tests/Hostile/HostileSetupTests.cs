namespace StoreSite.Tests.Hostile;

/// <summary>The setup form's hostile-input corpus on a site waiting for setup: refused, no 5xx, still waiting, no database made.</summary>
public sealed class HostileSetupTests(HostileSetupSite site) : IClassFixture<HostileSetupSite>
{
    public static TheoryData<string> Cases => SetupCorpus.Cases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_malformed_setup_post_is_refused_and_leaves_the_site_waiting(string name) =>
        HostileRunner.RunAsync(site, SetupCorpus.Cases[name]);
}

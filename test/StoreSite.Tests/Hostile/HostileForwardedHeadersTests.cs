namespace StoreSite.Tests.Hostile;

/// <summary>The forwarded-header corpus, from an untrusted address and from the trusted proxy: documented answers, no 5xx, nothing changed.</summary>
public sealed class HostileForwardedHeadersTests(HostileStore store) : IClassFixture<HostileStore>
{
    public static TheoryData<string> Cases => ForwardedHeadersCorpus.Cases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_hostile_forwarded_header_changes_nothing_it_may_not(string name) =>
        HostileRunner.RunAsync(store, ForwardedHeadersCorpus.Cases[name]);
}

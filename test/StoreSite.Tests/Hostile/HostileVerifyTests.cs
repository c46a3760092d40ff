namespace StoreSite.Tests.Hostile;

/// <summary>The Verify API's hostile-input corpus: every case its documented 4xx body, no 5xx, nothing changed.</summary>
public sealed class HostileVerifyTests(HostileStore store) : IClassFixture<HostileStore>
{
    public static TheoryData<string> Cases => VerifyCorpus.Cases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_malformed_verify_call_gets_its_documented_answer_and_changes_nothing(string name) =>
        HostileRunner.RunAsync(store, VerifyCorpus.Cases[name]);
}

namespace StoreSite.Tests.Hostile;

/// <summary>The update check's hostile-input corpus (Verify's, on the updates route, and its own version and product cases): every case its documented 4xx body, no 5xx, nothing changed.</summary>
public sealed class HostileUpdateCheckTests(HostileStore store) : IClassFixture<HostileStore>
{
    public static TheoryData<string> Cases => VerifyCorpus.UpdateCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_malformed_update_check_gets_its_documented_answer_and_changes_nothing(string name) =>
        HostileRunner.RunAsync(store, VerifyCorpus.UpdateCases[name]);
}

namespace StoreSite.Tests.Hostile;

/// <summary>The Deactivate API's hostile-input corpus (Verify's, on the deactivate route): every case its documented 4xx body, no 5xx, nothing changed.</summary>
public sealed class HostileDeactivateTests(HostileStore store) : IClassFixture<HostileStore>
{
    public static TheoryData<string> Cases => VerifyCorpus.DeactivateCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_malformed_deactivate_call_gets_its_documented_answer_and_changes_nothing(string name) =>
        HostileRunner.RunAsync(store, VerifyCorpus.DeactivateCases[name]);
}

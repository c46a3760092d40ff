namespace StoreSite.Tests.Hostile;

/// <summary>The public forms' hostile-input corpus: each refused with its message or error page, no 5xx, nothing changed.</summary>
public sealed class HostilePublicFormTests(HostileStore store) : IClassFixture<HostileStore>
{
    public static TheoryData<string> Cases => PublicFormCorpus.Cases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_malformed_public_form_post_is_refused_and_changes_nothing(string name) =>
        HostileRunner.RunAsync(store, PublicFormCorpus.Cases[name]);
}

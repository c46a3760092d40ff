namespace StoreSite.Tests.Hostile;

/// <summary>The admin forms' hostile-input corpus: each refused with its message or error page, no 5xx, nothing changed.</summary>
public sealed class HostileAdminFormTests(HostileStore store) : IClassFixture<HostileStore>
{
    public static TheoryData<string> Cases => AdminFormCorpus.Cases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_malformed_admin_form_post_is_refused_and_changes_nothing(string name) =>
        HostileRunner.RunAsync(store, AdminFormCorpus.Cases[name]);
}

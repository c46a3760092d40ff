namespace StoreSite.Web.Setup;

/// <summary>The outcome of setup, with problems keyed by the setup form's field names.</summary>
public sealed record SetupResult(SetupOutcome Outcome, IReadOnlyDictionary<string, string> Errors)
{
    public static SetupResult Done { get; } = new(SetupOutcome.SetUp, new Dictionary<string, string>());

    public static SetupResult Existing { get; } = new(SetupOutcome.AlreadySetUp, new Dictionary<string, string>());

    public static SetupResult Fail(string field, string message) =>
        new(SetupOutcome.Failed, new Dictionary<string, string> { [field] = message });
}

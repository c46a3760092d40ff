namespace StoreSite.Web.ViewModels;

public sealed record ModuleRowViewModel(string Id, string Name, string Description, IReadOnlyList<string> Dependencies, IReadOnlyList<string> Dependents, bool Enabled);

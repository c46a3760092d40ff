namespace StoreSite.Tests.Hostile;

/// <summary>A named set of hostile cases; the names are the theory's data, so every case is its own test result.</summary>
internal sealed class Corpus<TSite>
{
    private readonly Dictionary<string, HostileCase<TSite>> _cases = new(StringComparer.Ordinal);

    public HostileCase<TSite> this[string name] => _cases[name];

    public int Count => _cases.Count;

    public void Add(string name, Who who, Expect expect, Func<TSite, HttpClient, Task<HttpResponseMessage>> send)
    {
        if (!_cases.TryAdd(name, new HostileCase<TSite>(name, who, expect, send)))
        {
            throw new InvalidOperationException($"Two hostile cases are named '{name}'.");
        }
    }

    public TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in _cases.Keys)
        {
            names.Add(name);
        }

        return names;
    }
}

namespace StoreSite.Tests.Hostile;

/// <summary>One malformed request, sent by <paramref name="Who"/>'s browser to a site of type <typeparamref name="TSite"/>, and the answer it must get.</summary>
internal sealed record HostileCase<TSite>(string Name, Who Who, Expect Expect, Func<TSite, HttpClient, Task<HttpResponseMessage>> SendAsync);

namespace StoreSite.Licensing.Client.Tests.Fakes;

/// <summary>An <see cref="IAnswerCache"/> in memory, whose clearing can be made to fail (a file that cannot be deleted).</summary>
public sealed class MemoryAnswerCache : IAnswerCache
{
    public SignedAnswer? Answer { get; set; }

    public bool ClearFails { get; set; }

    public Task<SignedAnswer?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Answer);

    public Task SaveAsync(SignedAnswer answer, CancellationToken cancellationToken)
    {
        Answer = answer;
        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        if (ClearFails)
        {
            throw new IOException("The cache cannot be deleted.");
        }

        Answer = null;
        return Task.CompletedTask;
    }
}

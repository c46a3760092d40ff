namespace StoreSite.Tests.Host.Support;

/// <summary>How many password hash verifications <see cref="CountingPasswordHasher"/> made.</summary>
public sealed class PasswordHashCounts
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public void Verified() => Interlocked.Increment(ref _verifications);

    /// <summary>The verifications made while <paramref name="work"/> ran.</summary>
    public async Task<int> VerificationsDuringAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var before = Verifications;
        await work();
        return Verifications - before;
    }
}

namespace StoreSite.Licensing.Client;

/// <summary>
/// Keeps the last valid signed answer of the store for one installation. The client verifies the
/// signature again whenever it loads the answer, so a store that is not trusted (a file anyone can
/// edit) is fine: an altered answer is rejected, never served.
/// </summary>
public interface IAnswerCache
{
    /// <summary>The kept answer, or <c>null</c> when there is none (or it cannot be read).</summary>
    Task<SignedAnswer?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="answer"/> in place of any earlier one.</summary>
    Task SaveAsync(SignedAnswer answer, CancellationToken cancellationToken);

    /// <summary>Forgets the kept answer.</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}

namespace StoreSite.Licensing.Client;

/// <summary>A store answer as it came: the exact body bytes and the Ed25519 signature over them. What an <see cref="IAnswerCache"/> keeps.</summary>
/// <param name="Body">The response body bytes, unchanged.</param>
/// <param name="Signature">The 64-byte signature from the <c>X-License-Signature</c> header.</param>
public sealed record SignedAnswer(ReadOnlyMemory<byte> Body, ReadOnlyMemory<byte> Signature);

using System.Buffers;
using System.IO.Pipelines;

namespace CP.Licensing.Api;

/// <summary>
/// A licensing API request body read whole (at most <see cref="VerifyContract.MaxBodyBytes"/>) from
/// the request pipe, or the refusal (415, 413, 400). <see cref="Complete"/> gives the bytes back to the pipe.
/// </summary>
public readonly struct ApiRequestBody
{
    private readonly PipeReader? _reader;

    private ApiRequestBody(VerifyResult? problem, PipeReader? reader, ReadOnlySequence<byte> buffer)
    {
        Problem = problem;
        _reader = reader;
        Buffer = buffer;
    }

    /// <summary>Null when the body was read.</summary>
    public VerifyResult? Problem { get; }

    public ReadOnlySequence<byte> Buffer { get; }

    public static ApiRequestBody Refused(VerifyResult problem) => new(problem, null, default);

    public static ApiRequestBody Read(PipeReader reader, ReadOnlySequence<byte> buffer) => new(null, reader, buffer);

    /// <summary>Marks the body consumed; call once its bytes are no longer read.</summary>
    public void Complete() => _reader?.AdvanceTo(Buffer.End);
}

namespace StoreSite.Licensing.Client;

/// <summary>How a call went: a trusted answer, an answer that did not check out, or none.</summary>
internal enum ReplyKind
{
    Answered,
    Untrusted,
    Unreachable,
}

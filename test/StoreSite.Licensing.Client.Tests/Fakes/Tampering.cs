namespace StoreSite.Licensing.Client.Tests.Fakes;

/// <summary>Ways an answer can fail to be the store's own answer to this call.</summary>
public enum Tampering
{
    None,
    SignedWithAnotherKey,
    NoSignatureHeader,
    SignatureNotEd25519,
    SignatureOfOtherBytes,
    BodyAlteredAfterSigning,
    NonceOfAnotherCall,
    NonceLeftOut,
    TwoSignatureHeaders,
}

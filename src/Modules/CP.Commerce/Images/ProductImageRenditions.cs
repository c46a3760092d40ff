namespace CP.Commerce.Images;

/// <summary>
/// What <see cref="ProductImageEncoder"/> made of an upload: the WebP bytes of each rendition, the
/// upright image's size, and a version (the start of the page rendition's SHA-256) that names the files and their URLs.
/// </summary>
public sealed record ProductImageRenditions(string Version, int Width, int Height, byte[] Card, byte[] Page)
{
    public const int VersionLength = 16;

    public byte[] Bytes(ProductImageSize size) => size == ProductImageSize.Card ? Card : Page;
}

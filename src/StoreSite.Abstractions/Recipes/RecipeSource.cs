using System.Text;
using StoreSite.Files;

namespace StoreSite.Recipes;

/// <summary>
/// The bytes of a recipe, which can be read again from any offset: a file (read as a stream, never
/// whole) or a text held in memory. The recipe engine reads it once to find the steps, then each
/// step's part; a streaming step reads its large array item by item.
/// </summary>
public abstract class RecipeSource
{
    /// <summary>A stream of <paramref name="length"/> bytes from <paramref name="offset"/>.</summary>
    public abstract Stream Open(long offset, long length);

    /// <summary>The whole recipe.</summary>
    public Stream Open() => Open(0, long.MaxValue);

    public static RecipeSource FromFile(string path) => new FileSource(path);

    public static RecipeSource FromText(string json) => new BytesSource(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    public static RecipeSource FromBytes(byte[] utf8) => new BytesSource(utf8 ?? throw new ArgumentNullException(nameof(utf8)));

    private sealed class FileSource(string path) : RecipeSource
    {
        public override Stream Open(long offset, long length)
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            file.Seek(offset, SeekOrigin.Begin);
            return length == long.MaxValue ? file : new LengthLimitedStream(file, length);
        }
    }

    private sealed class BytesSource(byte[] bytes) : RecipeSource
    {
        public override Stream Open(long offset, long length)
        {
            var start = (int)Math.Min(offset, bytes.Length);
            var count = (int)Math.Min(length, bytes.Length - start);
            return new MemoryStream(bytes, start, count, writable: false);
        }
    }
}

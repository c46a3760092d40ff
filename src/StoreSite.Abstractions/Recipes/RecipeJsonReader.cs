using System.Text.Json;

namespace StoreSite.Recipes;

/// <summary>
/// Reads a recipe's JSON token by token from a stream with <see cref="Utf8JsonReader"/>, holding
/// only a buffer of the part being read (it grows to hold the largest single value asked for with
/// <see cref="ReadValue"/>). Offsets are of the whole source (<c>origin</c> plus the bytes read), so
/// that a part found on one pass can be opened again on the next. Syntax errors throw
/// <see cref="JsonException"/> with the line and position, as <see cref="JsonDocument"/> does.
/// </summary>
public sealed class RecipeJsonReader(Stream stream, long origin = 0) : IDisposable
{
    /// <summary>The recipe syntax: comments and trailing commas allowed.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private bool _begun;
    private long _base = origin;
    private long _pin = -1;
    private JsonReaderState _state = new(ReaderOptions);

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The depth of the current token (0 for the outermost value).</summary>
    public int Depth { get; private set; }

    /// <summary>Offset in the source of the current token's first byte (a string's opening quote).</summary>
    public long TokenStart { get; private set; }

    /// <summary>Offset in the source just after the current token (after <see cref="Skip"/>: after the value).</summary>
    public long TokenEnd { get; private set; }

    /// <summary>The current property name or string value; null for other tokens.</summary>
    public string? Text { get; private set; }

    /// <summary>The next token; false at the end of the source.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            var read = reader.Read();
            if (read)
            {
                TokenType = reader.TokenType;
                Depth = reader.CurrentDepth;
                TokenStart = _base + _start + reader.TokenStartIndex;
                Text = TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (read)
            {
                TokenEnd = _base + _start;
                return true;
            }

            if (_final)
            {
                return false;
            }

            Fill();
        }
    }

    /// <summary>Skips the current value (a start token's whole object or array); after it, the current token is its end.</summary>
    public void Skip()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = Depth;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            var done = false;
            while (reader.Read())
            {
                if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    done = true;
                    break;
                }
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (done)
            {
                TokenType = reader.TokenType;
                Text = null;
                TokenEnd = _base + _start;
                return;
            }

            if (_final)
            {
                // The reader throws at the end of a final block that leaves a value open.
                throw new JsonException("The JSON ends inside a value.");
            }

            Fill();
        }
    }

    /// <summary>
    /// The current value (its first token just read) as a document, which the caller disposes
    /// before the next <see cref="Read"/>; the reader then stands on the value's last token.
    /// </summary>
    public JsonDocument ReadValue()
    {
        _pin = TokenStart;
        try
        {
            Skip();
            var offset = (int)(_pin - _base);
            return JsonDocument.Parse(_buffer.AsMemory(offset, (int)(TokenEnd - _pin)), DocumentOptions);
        }
        finally
        {
            _pin = -1;
        }
    }

    private void Fill()
    {
        // Keep what is not yet consumed (from the pinned value's start while one is read whole).
        var keep = _pin >= 0 ? (int)(_pin - _base) : _start;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= keep;
            _start -= keep;
            _base += keep;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (!_begun)
        {
            _begun = true;
            read = SkipByteOrderMark(read);
        }

        _end += read;
        _final = read == 0;
    }

    private int SkipByteOrderMark(int read)
    {
        if (read >= 3 && _end == 0 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
        }

        return read;
    }

    public void Dispose() => stream.Dispose();
}

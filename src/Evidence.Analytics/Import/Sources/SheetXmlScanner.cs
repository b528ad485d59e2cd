using System.Text;
using System.Text.RegularExpressions;

namespace Evidence.Analytics.Import;

/// <summary>What <see cref="SheetXmlScanner.Read"/> stopped at.</summary>
internal enum SheetXmlNode
{
    /// <summary>A start tag (<c>&lt;c r="A1"&gt;</c>) or an empty element (<c>&lt;v/&gt;</c>).</summary>
    Start,

    /// <summary>An end tag.</summary>
    End,

    /// <summary>Text between tags.</summary>
    Text,

    /// <summary>The end of the part, after the root element's end tag.</summary>
    EndOfPart,
}

/// <summary>Reads the XML of a worksheet part straight from its UTF-8 bytes, node by node: the plain XML that spreadsheet
/// programs write, about three times as fast as <see cref="System.Xml.XmlReader"/> on a large sheet.</summary>
/// <remarks>
/// <para>It reads elements, attributes, text, the five predefined entities and character references. At anything else
/// (a comment, a processing instruction, CDATA, a DOCTYPE, an encoding other than UTF-8, an entity in an attribute
/// value, a non-ASCII name) and at anything that is not well-formed (a mismatched end tag, an undeclared prefix, a
/// duplicate attribute, a character XML forbids, invalid UTF-8, the end of the part inside an element) it throws
/// <see cref="Unsupported"/>, and the part is read again with <see cref="System.Xml.XmlReader"/>, which decides: the
/// scanner never accepts what the XML reader refuses, nor reads a value differently (a test reads every workbook of the
/// mutation corpus both ways).</para>
/// <para>Names are matched by local name, as the XML reader's callers here match them.</para>
/// </remarks>
internal sealed partial class SheetXmlScanner
{
    /// <summary>The part uses XML the scanner does not read, or is not well-formed: read it with the XML reader.</summary>
    internal sealed class Unsupported(string what) : Exception(what);

    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _pos;    // the current node's first byte
    private int _length; // the current node's bytes
    private int _end;    // the end of the bytes read
    private bool _streamEnded;

    // The current node.
    private SheetXmlNode _node;
    private int _nameStart, _nameLength, _localStart; // relative to _pos; _localStart is past the prefix's colon
    private bool _isEmpty;
    private int _depth;
    private bool _textIsPlain; // printable ASCII without entities
    private Attribute[] _attributes = new Attribute[8];
    private int _attributeCount;
    private bool _prefixedAttribute; // whether an attribute of the current start tag has a prefix (xmlns: included)

    // The open elements' qualified names, for matching end tags, and the prefixes declared on them.
    private byte[] _openNames = new byte[256];
    private int[] _openEnds = new int[16];
    private int _open;
    private readonly List<(byte[] Prefix, int Depth)> _prefixes = [];
    private bool _rootClosed;

    private record struct Attribute(int NameStart, int NameLength, int LocalStart, int ValueStart, int ValueLength);

    /// <summary>A scanner of a part's bytes; nothing is read until the first <see cref="Read"/>.</summary>
    public SheetXmlScanner(Stream stream) => _stream = stream;

    private bool _started;

    /// <summary>Skips a UTF-8 byte-order mark and the XML declaration, which must say version 1.0 and, if anything, UTF-8.</summary>
    private void Start()
    {
        _started = true;
        if (Ensure(3) && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _pos = 3;
        if (Ensure(6) && _buffer.AsSpan(_pos, 5).SequenceEqual("<?xml"u8) && IsWhitespace(_buffer[_pos + 5]))
        {
            int close = IndexOf("?>"u8, 0);
            if (close < 0 || !Declaration().IsMatch(Encoding.ASCII.GetString(_buffer, _pos, close + 2)))
                throw new Unsupported("an XML declaration other than version 1.0 in UTF-8");
            _length = close + 2;
        }
    }

    [GeneratedRegex(@"\A<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(""1\.0""|'1\.0')([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(""[Uu][Tt][Ff]-8""|'[Uu][Tt][Ff]-8'))?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(""(yes|no)""|'(yes|no)'))?[ \t\r\n]*\?>\z", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();

    /// <summary>The current node.</summary>
    public SheetXmlNode Node => _node;

    /// <summary>The current node's depth: 0 for the root element, one more for each enclosing element; an end tag has its
    /// start tag's depth, and text the depth of the elements it could hold.</summary>
    public int Depth => _depth;

    /// <summary>Whether the current start tag closes itself (<c>&lt;v/&gt;</c>).</summary>
    public bool IsEmptyElement => _node == SheetXmlNode.Start && _isEmpty;

    /// <summary>Whether the current start or end tag has this local name.</summary>
    public bool IsNamed(ReadOnlySpan<byte> localName) =>
        _buffer.AsSpan(_pos + _localStart, _nameLength - (_localStart - _nameStart)).SequenceEqual(localName);

    /// <summary>The value of the current start tag's attribute without a prefix of this name, as ASCII bytes.</summary>
    public bool TryGetAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        for (int i = 0; i < _attributeCount; i++)
        {
            var attribute = _attributes[i];
            if (attribute.LocalStart == attribute.NameStart && _buffer.AsSpan(_pos + attribute.NameStart, attribute.NameLength).SequenceEqual(name))
            {
                value = _buffer.AsSpan(_pos + attribute.ValueStart, attribute.ValueLength);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Moves to the next node.</summary>
    /// <exception cref="Unsupported">The XML is not what the scanner reads, or is not well-formed.</exception>
    public SheetXmlNode Read()
    {
        if (!_started) Start();
        _pos += _length;
        _length = 0;
        _attributeCount = 0;
        _prefixedAttribute = false;
        if (!Ensure(1))
        {
            if (!_rootClosed) throw new Unsupported("the part ends inside an element");
            return _node = SheetXmlNode.EndOfPart;
        }
        if (_buffer[_pos] != '<') return ReadText();
        if (!Ensure(2)) throw new Unsupported("the part ends inside a tag");
        return _buffer[_pos + 1] switch
        {
            (byte)'/' => ReadEndTag(),
            (byte)'?' or (byte)'!' => throw new Unsupported("a comment, processing instruction, CDATA section or DOCTYPE"),
            _ => ReadStartTag(),
        };
    }

    /// <summary>Moves past the end tag of the current start tag, if it has one: the element's content is read (and
    /// checked) but not returned.</summary>
    public void Skip()
    {
        if (_node != SheetXmlNode.Start || _isEmpty) return;
        int depth = _depth;
        while (Read() != SheetXmlNode.End || _depth != depth) { }
    }

    /// <summary>Appends the current text node's characters to <paramref name="chars"/> from <paramref name="length"/>
    /// (entities and character references replaced, line ends normalised to "\n" as XML requires), growing it as needed.</summary>
    public void AppendText(ref char[] chars, ref int length)
    {
        var bytes = _buffer.AsSpan(_pos, _length);
        if (chars.Length - length < bytes.Length) Array.Resize(ref chars, Math.Max(chars.Length * 2, length + bytes.Length));
        if (_textIsPlain)
        {
            Ascii.ToUtf16(bytes, chars.AsSpan(length), out int written);
            length += written;
            return;
        }
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b != '&' && b != '\r') continue;
            length += Decode(bytes[start..i], chars.AsSpan(length));
            if (b == '\r')
            {
                chars[length++] = '\n';
                if (i + 1 < bytes.Length && bytes[i + 1] == '\n') i++;
            }
            else
            {
                int semicolon = bytes[i..].IndexOf((byte)';');
                length += Entity(bytes.Slice(i + 1, semicolon - 1), chars.AsSpan(length));
                i += semicolon;
            }
            start = i + 1;
        }
        length += Decode(bytes[start..], chars.AsSpan(length));
    }

    private static int Decode(ReadOnlySpan<byte> utf8, Span<char> chars) =>
        Encoding.UTF8.GetChars(utf8, chars); // checked valid when the text was read

    private SheetXmlNode ReadText()
    {
        int length = IndexOf((byte)'<', 0);
        if (length < 0) length = _end - _pos; // the rest of the part
        var text = _buffer.AsSpan(_pos, length);
        _length = length;
        _depth = _open;
        _textIsPlain = !text.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) && !text.Contains((byte)'&');
        if (!_textIsPlain || text.Contains((byte)'>')) CheckText(text);
        if (_open == 0 && text.ContainsAnyExcept(" \t\r\n"u8)) throw new Unsupported("text outside the root element");
        return _node = SheetXmlNode.Text;
    }

    /// <summary>Checks text that is not plain ASCII: only the characters XML allows, valid UTF-8, known entities and
    /// character references, and no "]]&gt;".</summary>
    private static void CheckText(ReadOnlySpan<byte> text)
    {
        Span<char> referenced = stackalloc char[2];
        if (text.IndexOf("]]>"u8) >= 0) throw new Unsupported("']]>' in text");
        bool ascii = true;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (b >= 0x80) ascii = false;
            else if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r')) throw new Unsupported("a control character in text");
            else if (b == '&')
            {
                int semicolon = text[i..].IndexOf((byte)';');
                if (semicolon < 2) throw new Unsupported("an unterminated entity reference");
                Entity(text.Slice(i + 1, semicolon - 1), referenced);
                i += semicolon;
            }
        }
        // U+FFFE and U+FFFF are not XML characters; surrogates and overlong forms are not valid UTF-8.
        if (!ascii && (!System.Text.Unicode.Utf8.IsValid(text) || text.IndexOf("\xEF\xBF\xBE"u8) >= 0 || text.IndexOf("\xEF\xBF\xBF"u8) >= 0))
            throw new Unsupported("invalid UTF-8 or a non-character in text");
    }

    /// <summary>Writes the character an entity or character reference (between '&amp;' and ';') stands for.</summary>
    private static int Entity(ReadOnlySpan<byte> name, Span<char> chars)
    {
        switch (name)
        {
            case [(byte)'l', (byte)'t']: chars[0] = '<'; return 1;
            case [(byte)'g', (byte)'t']: chars[0] = '>'; return 1;
            case [(byte)'a', (byte)'m', (byte)'p']: chars[0] = '&'; return 1;
            case [(byte)'q', (byte)'u', (byte)'o', (byte)'t']: chars[0] = '"'; return 1;
            case [(byte)'a', (byte)'p', (byte)'o', (byte)'s']: chars[0] = '\''; return 1;
        }
        if (name.Length < 2 || name[0] != '#' || name.Length > 10) throw new Unsupported("an entity other than the five XML predefines");
        bool hex = name[1] == 'x';
        var digits = name[(hex ? 2 : 1)..];
        int code = 0;
        if (digits.IsEmpty) throw new Unsupported("an empty character reference");
        foreach (byte d in digits)
        {
            int value = d is >= (byte)'0' and <= (byte)'9' ? d - '0'
                : hex && d is >= (byte)'a' and <= (byte)'f' ? d - 'a' + 10
                : hex && d is >= (byte)'A' and <= (byte)'F' ? d - 'A' + 10
                : throw new Unsupported("a malformed character reference");
            code = code * (hex ? 16 : 10) + value;
            if (code > 0x10FFFF) throw new Unsupported("a character reference beyond Unicode");
        }
        bool isXmlChar = code is 0x9 or 0xA or 0xD or >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000;
        if (!isXmlChar) throw new Unsupported("a character reference to a character XML forbids");
        return new Rune(code).EncodeToUtf16(chars);
    }

    private SheetXmlNode ReadStartTag()
    {
        if (_rootClosed) throw new Unsupported("a second root element");
        int i = 1;
        ScanName(ref i, out _nameStart, out _nameLength, out _localStart);
        while (true)
        {
            bool spaced = SkipWhitespace(ref i);
            byte b = At(i);
            if (b == '>')
            {
                i++;
                _isEmpty = false;
                break;
            }
            if (b == '/')
            {
                if (At(i + 1) != '>') throw new Unsupported("'/' not followed by '>'");
                i += 2;
                _isEmpty = true;
                break;
            }
            if (!spaced) throw new Unsupported("attributes not separated by white space");
            ReadAttribute(ref i);
        }
        _length = i;
        _depth = _open;
        CheckNamespaces();
        if (_isEmpty)
        {
            Undeclare(_depth);
            if (_depth == 0) _rootClosed = true;
        }
        else
        {
            Push();
        }
        return _node = SheetXmlNode.Start;
    }

    private void ReadAttribute(ref int i)
    {
        ScanName(ref i, out int nameStart, out int nameLength, out int localStart);
        SkipWhitespace(ref i);
        if (At(i) != '=') throw new Unsupported("an attribute without '='");
        i++;
        SkipWhitespace(ref i);
        byte quote = At(i);
        if (quote is not ((byte)'"' or (byte)'\'')) throw new Unsupported("an unquoted attribute value");
        int valueStart = ++i;
        while (true)
        {
            byte b = At(i);
            if (b == quote) break;
            // Entities, line ends and tabs (which XML normalises in attribute values), non-ASCII text and '<'.
            if (b is < 0x20 or >= 0x7F or (byte)'&' or (byte)'<') throw new Unsupported("an attribute value other than printable ASCII");
            i++;
        }
        _prefixedAttribute |= localStart != nameStart;
        if (_attributeCount == _attributes.Length) Array.Resize(ref _attributes, _attributes.Length * 2);
        _attributes[_attributeCount++] = new Attribute(nameStart, nameLength, localStart, valueStart, i - valueStart);
        i++;
    }

    private SheetXmlNode ReadEndTag()
    {
        int i = 2;
        ScanName(ref i, out _nameStart, out _nameLength, out _localStart);
        SkipWhitespace(ref i);
        if (At(i) != '>') throw new Unsupported("a malformed end tag");
        _length = i + 1;
        if (_open == 0) throw new Unsupported("an end tag without a start tag");
        int openStart = _open == 1 ? 0 : _openEnds[_open - 2];
        if (!_buffer.AsSpan(_pos + _nameStart, _nameLength).SequenceEqual(_openNames.AsSpan(openStart, _openEnds[_open - 1] - openStart)))
            throw new Unsupported("an end tag that does not match its start tag");
        _open--;
        _depth = _open;
        Undeclare(_depth);
        if (_open == 0) _rootClosed = true;
        return _node = SheetXmlNode.End;
    }

    private void Push()
    {
        int start = _open == 0 ? 0 : _openEnds[_open - 1];
        if (_open == _openEnds.Length) Array.Resize(ref _openEnds, _open * 2);
        if (_openNames.Length < start + _nameLength) Array.Resize(ref _openNames, Math.Max(_openNames.Length * 2, start + _nameLength));
        _buffer.AsSpan(_pos + _nameStart, _nameLength).CopyTo(_openNames.AsSpan(start));
        _openEnds[_open++] = start + _nameLength;
    }

    /// <summary>Declares the current start tag's prefixes, checks that its own prefix and its attributes' are declared,
    /// and that no attribute is given twice.</summary>
    private void CheckNamespaces()
    {
        if (_localStart == _nameStart && !_prefixedAttribute)
        {
            // Most tags (a cell's, a value's): no prefix to look up, only an attribute given twice to look for.
            for (int a = 1; a < _attributeCount; a++)
            {
                var name = _buffer.AsSpan(_pos + _attributes[a].NameStart, _attributes[a].NameLength);
                for (int b = 0; b < a; b++)
                {
                    if (name.SequenceEqual(_buffer.AsSpan(_pos + _attributes[b].NameStart, _attributes[b].NameLength)))
                        throw new Unsupported("an attribute given twice");
                }
            }
            return;
        }
        for (int a = 0; a < _attributeCount; a++)
        {
            var attribute = _attributes[a];
            var prefix = _buffer.AsSpan(_pos + attribute.NameStart, Math.Max(0, attribute.LocalStart - attribute.NameStart - 1));
            if (!prefix.SequenceEqual("xmlns"u8)) continue;
            var declared = _buffer.AsSpan(_pos + attribute.LocalStart, attribute.NameLength - (attribute.LocalStart - attribute.NameStart));
            if (attribute.ValueLength == 0 || declared.SequenceEqual("xml"u8) || declared.SequenceEqual("xmlns"u8))
                throw new Unsupported("a reserved or empty namespace declaration");
            _prefixes.Add((declared.ToArray(), _depth));
        }
        if (_localStart != _nameStart)
        {
            var prefix = _buffer.AsSpan(_pos + _nameStart, _localStart - _nameStart - 1);
            if (prefix.SequenceEqual("xml"u8) || prefix.SequenceEqual("xmlns"u8) || !IsDeclared(prefix)) throw new Unsupported("an undeclared or reserved element prefix");
        }
        for (int a = 0; a < _attributeCount; a++)
        {
            var attribute = _attributes[a];
            var name = _buffer.AsSpan(_pos + attribute.NameStart, attribute.NameLength);
            var local = _buffer.AsSpan(_pos + attribute.LocalStart, attribute.NameLength - (attribute.LocalStart - attribute.NameStart));
            bool isDeclaration = name.StartsWith("xmlns"u8) && (name.Length == 5 || name[5] == ':');
            if (attribute.LocalStart != attribute.NameStart && !isDeclaration)
            {
                var prefix = _buffer.AsSpan(_pos + attribute.NameStart, attribute.LocalStart - attribute.NameStart - 1);
                if (!prefix.SequenceEqual("xml"u8) && !IsDeclared(prefix)) throw new Unsupported("an undeclared attribute prefix");
            }
            for (int b = 0; b < a; b++)
            {
                var other = _attributes[b];
                var otherName = _buffer.AsSpan(_pos + other.NameStart, other.NameLength);
                bool otherIsDeclaration = otherName.StartsWith("xmlns"u8) && (otherName.Length == 5 || otherName[5] == ':');
                var otherLocal = _buffer.AsSpan(_pos + other.LocalStart, other.NameLength - (other.LocalStart - other.NameStart));
                // Two attributes of one local name may still be distinct (a:x and b:x in other namespaces): leave those
                // to the XML reader too.
                if (isDeclaration == otherIsDeclaration && (isDeclaration ? name.SequenceEqual(otherName) : local.SequenceEqual(otherLocal)))
                    throw new Unsupported("an attribute given twice");
            }
        }
    }

    private bool IsDeclared(ReadOnlySpan<byte> prefix)
    {
        foreach (var (declared, _) in _prefixes)
        {
            if (prefix.SequenceEqual(declared)) return true;
        }
        return false;
    }

    /// <summary>Ends the scope of the prefixes declared on elements at or below a depth.</summary>
    private void Undeclare(int depth)
    {
        for (int i = _prefixes.Count - 1; i >= 0 && _prefixes[i].Depth >= depth; i--) _prefixes.RemoveAt(i);
    }

    private const byte NameStart = 1, NameRest = 2;

    /// <summary>For each byte, whether a name may start with it (an ASCII letter or '_') or hold it after the start (also a
    /// digit, '-' or '.'); 0 otherwise.</summary>
    private static readonly byte[] NameBytes = [.. Enumerable.Range(0, 256).Select(b =>
        char.IsAsciiLetter((char)b) || b == '_' ? NameStart : char.IsAsciiDigit((char)b) || b is '-' or '.' ? NameRest : (byte)0)];

    /// <summary>Scans a name of ASCII letters, digits, '_', '-' and '.', with at most one prefix.</summary>
    private void ScanName(ref int i, out int start, out int length, out int localStart)
    {
        start = i;
        localStart = i;
        byte first = At(i);
        if (NameBytes[first] != NameStart) throw new Unsupported("a name that does not start with an ASCII letter");
        i++;
        while (true)
        {
            byte b = At(i);
            if (NameBytes[b] != 0)
            {
                i++;
            }
            else if (b == ':' && localStart == start)
            {
                localStart = ++i;
                byte next = At(i);
                if (!(char.IsAsciiLetter((char)next) || next == '_')) throw new Unsupported("a malformed prefixed name");
            }
            else
            {
                break;
            }
        }
        length = i - start;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool SkipWhitespace(ref int i)
    {
        int from = i;
        while (IsWhitespace(At(i))) i++;
        return i > from;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>The byte at an offset from the current node's start, reading more of the part if needed.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private byte At(int offset) => _pos + offset < _end ? _buffer[_pos + offset] : AtAfterReading(offset);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private byte AtAfterReading(int offset)
    {
        if (!Ensure(offset + 1)) throw new Unsupported("the part ends inside a tag");
        return _buffer[_pos + offset];
    }

    /// <summary>The offset from the current node's start of the next byte of a value at or after an offset, reading more
    /// of the part as needed; -1 if the part ends first.</summary>
    private int IndexOf(byte value, int from)
    {
        while (true)
        {
            int found = _buffer.AsSpan(_pos + from, _end - _pos - from).IndexOf(value);
            if (found >= 0) return from + found;
            from = _end - _pos;
            if (!Ensure(from + 1)) return -1;
        }
    }

    private int IndexOf(ReadOnlySpan<byte> value, int from)
    {
        while (true)
        {
            int found = _buffer.AsSpan(_pos + from, _end - _pos - from).IndexOf(value);
            if (found >= 0) return from + found;
            from = Math.Max(from, _end - _pos - value.Length + 1);
            if (!Ensure(_end - _pos + 1)) return -1;
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes from the current node's start available; false if the part
    /// ends first. The node's bytes move to the buffer's start (or the buffer grows), so offsets from it stay valid.</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (_streamEnded) return false;
            if (_pos > 0)
            {
                Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
                _end -= _pos;
                _pos = 0;
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _streamEnded = true;
            else _end += read;
        }
        return true;
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Evidence.Analytics.Import;

/// <summary>Reads the sheets of an .xlsx workbook by streaming its XML parts with <see cref="XmlReader"/>.</summary>
/// <remarks>
/// <para>Streaming rather than loading a DOM (the Open XML SDK's or ExcelDataReader's) keeps a 100,000-study workbook
/// well under a second and a few hundred MB, and exposes what the import must report: formulas (<c>&lt;f&gt;</c>, whose
/// cached <c>&lt;v&gt;</c> is used), error values (<c>t="e"</c>) and merged ranges (<c>&lt;mergeCell&gt;</c>).</para>
/// <para>Zip bombs are refused before anything is decompressed (declared sizes and compression ratios) and while
/// decompressing (actual bytes counted against the limit, since declared sizes can lie).</para>
/// </remarks>
internal sealed class XlsxWorkbookSource : WorkbookSource
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const long RatioCheckThreshold = 1024 * 1024;

    private readonly ZipArchive _zip;
    private readonly ImportOptions _options;
    private readonly Dictionary<string, string> _sheetParts = new(StringComparer.Ordinal);
    private readonly List<string> _sheetNames = [];
    private string[] _sharedStrings = [];
    private bool[] _dateStyles = [];
    private bool _date1904;
    private long _bytesRead;

    public XlsxWorkbookSource(Stream stream, string file, ImportOptions options) : base(file)
    {
        _options = options;
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"The file is not a valid .xlsx workbook (it is not a readable zip package: {e.Message}).", e);
        }
        try
        {
            CheckSizes();
            ReadWorkbook();
            ReadSharedStrings();
            ReadStyles();
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            _zip.Dispose();
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"The workbook is damaged: {e.Message}", e);
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> SheetNames => _sheetNames;

    public override SheetSource OpenSheet(string name) => new XlsxSheet(this, name, _sheetParts[name]);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _zip.Dispose();
        base.Dispose(disposing);
    }

    private void CheckSizes()
    {
        long total = 0;
        foreach (var entry in _zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > RatioCheckThreshold && entry.Length > _options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw TooLarge($"its part {entry.FullName} expands {entry.Length / Math.Max(1, entry.CompressedLength):N0} times (from {entry.CompressedLength:N0} to {entry.Length:N0} bytes)");
        }
        if (total > _options.MaxUncompressedBytes)
            throw TooLarge($"it would expand to {total:N0} bytes");
    }

    private WorkbookUnreadableException TooLarge(FormattableString why) =>
        new(ProblemKind.TooLarge, "The workbook is refused as absurdly large: " + why.ToString(CultureInfo.InvariantCulture)
            + string.Create(CultureInfo.InvariantCulture, $" (limits: {_options.MaxUncompressedBytes:N0} bytes uncompressed, compression ratio {_options.MaxCompressionRatio:N0}). A genuine evidence workbook is far smaller; re-save it from Excel or split it."));

    private static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private XmlReader? OpenPart(string path)
    {
        var entry = _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        return entry is null ? null : XmlReader.Create(new CountingStream(entry.Open(), this), Settings);
    }

    private void ReadWorkbook()
    {
        var targets = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
        using (var rels = OpenPart("xl/_rels/workbook.xml.rels"))
        {
            while (rels is not null && rels.Read())
            {
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") is { } id)
                    targets[id] = (rels.GetAttribute("Type") ?? "", ResolvePart(rels.GetAttribute("Target") ?? ""));
            }
        }
        SharedStringsPart = targets.Values.FirstOrDefault(t => t.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target ?? "xl/sharedStrings.xml";
        StylesPart = targets.Values.FirstOrDefault(t => t.Type.EndsWith("/styles", StringComparison.Ordinal)).Target ?? "xl/styles.xml";

        using var workbook = OpenPart("xl/workbook.xml")
            ?? throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, "The file is a zip package but not an .xlsx workbook (it has no xl/workbook.xml).");
        while (workbook.Read())
        {
            if (workbook.NodeType != XmlNodeType.Element) continue;
            if (workbook.LocalName == "workbookPr")
                _date1904 = workbook.GetAttribute("date1904") is "1" or "true";
            else if (workbook.LocalName == "sheet" && workbook.GetAttribute("name") is { } name
                && workbook.GetAttribute("id", RelationshipNamespace) is { } relId && targets.TryGetValue(relId, out var target)
                && target.Type.EndsWith("/worksheet", StringComparison.Ordinal))
            {
                _sheetNames.Add(name);
                _sheetParts[name] = target.Target;
            }
        }
    }

    private string SharedStringsPart { get; set; } = "xl/sharedStrings.xml";

    private string StylesPart { get; set; } = "xl/styles.xml";

    private static string ResolvePart(string target) =>
        target.StartsWith('/') ? target[1..] : "xl/" + target.Replace("../", "", StringComparison.Ordinal);

    private void ReadSharedStrings()
    {
        using var reader = OpenPart(SharedStringsPart);
        if (reader is null) return;
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sst" && reader.GetAttribute("uniqueCount") is { } count
                && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int capacity))
                strings.Capacity = Math.Min(capacity, 10_000_000);
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
                strings.Add(reader.IsEmptyElement ? "" : ReadRichText(reader));
        }
        _sharedStrings = [.. strings];
    }

    /// <summary>The text of a non-empty string item (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>): its <c>&lt;t&gt;</c> runs, without
    /// phonetic runs; leaves the reader on the item's end tag.</summary>
    private static string ReadRichText(XmlReader reader)
    {
        string? single = null;
        System.Text.StringBuilder? many = null;
        int depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                string text;
                if (reader.IsEmptyElement)
                {
                    text = "";
                    reader.Read();
                }
                else
                {
                    text = reader.ReadElementContentAsString();
                }
                if (single is null) single = text;
                else (many ??= new System.Text.StringBuilder(single)).Append(text);
            }
            else
            {
                reader.Read();
            }
        }
        return DecodeEscapes(many?.ToString() ?? single ?? "");
    }

    /// <summary>Decodes the <c>_xHHHH_</c> escapes of SpreadsheetML text (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): Excel
    /// writes characters XML cannot hold this way (a carriage return as <c>_x000D_</c>), and a literal "_x" sequence as
    /// <c>_x005F_x…</c>.</summary>
    internal static string DecodeEscapes(string text)
    {
        int start = text.IndexOf("_x", StringComparison.Ordinal);
        if (start < 0) return text;
        var decoded = new System.Text.StringBuilder(text.Length);
        decoded.Append(text, 0, start);
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                decoded.Append((char)code);
                i += 6;
            }
            else
            {
                decoded.Append(text[i]);
            }
        }
        return decoded.ToString();
    }

    private void ReadStyles()
    {
        using var reader = OpenPart(StylesPart);
        if (reader is null) return;
        var customDates = new HashSet<int>();
        var styles = new List<bool>();
        bool inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out int id):
                    if (IsDateFormat(reader.GetAttribute("formatCode") ?? "")) customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    int format = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out int f) ? f : 0;
                    styles.Add(IsBuiltInDate(format) || customDates.Contains(format));
                    break;
            }
        }
        _dateStyles = [.. styles];
    }

    // ECMA-376 Part 1 §18.8.30: built-in number formats 14–22 and 45–47 are dates or times (27–36 and 50–58 in East Asian locales).
    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    private static bool IsDateFormat(string code)
    {
        bool quoted = false, bracket = false;
        for (int i = 0; i < code.Length; i++)
        {
            char c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\\') i++;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!bracket && c is 'y' or 'Y' or 'd' or 'D' or 'm' or 'M' or 'h' or 'H' or 's' or 'S') return true;
        }
        return false;
    }

    private RawCell ToCell(string? type, int style, string? value, string? inline, bool formula)
    {
        var flags = formula ? CellFlags.Formula : CellFlags.None;
        switch (type)
        {
            case "s-resolved":
                return new RawCell(value, flags);
            case "s" when value is null:
                return new RawCell(null, flags);
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < _sharedStrings.Length
                    ? new RawCell(_sharedStrings[index], flags)
                    : new RawCell(value, flags | CellFlags.Error);
            case "inlineStr":
                return new RawCell(inline ?? value, flags);
            case "str":
                return new RawCell(value, flags);
            case "b":
                return new RawCell(value == "1" ? "TRUE" : value == "0" ? "FALSE" : value, flags);
            case "e":
                return new RawCell(value, flags | CellFlags.Error);
            case "d":
                return new RawCell(value, flags | CellFlags.Date);
            default:
                if (value is null) return new RawCell(inline, flags);
                if (style >= 0 && style < _dateStyles.Length && _dateStyles[style]
                    && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && serial is > -1 and < 2_958_466)
                {
                    var date = DateTime.FromOADate(_date1904 ? serial + 1462 : serial);
                    string text = date.TimeOfDay == TimeSpan.Zero
                        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
                    return new RawCell(text, flags | CellFlags.Date);
                }
                return new RawCell(NormaliseNumber(value), flags);
        }
    }

    /// <summary>Writes a stored number as a person would read it: "0.10000000000000001" → "0.1", "2019" stays "2019".</summary>
    private static string NormaliseNumber(string value)
    {
        if (value.AsSpan().IndexOfAny('.', 'E', 'e') < 0) return value;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : value;
    }

    private sealed class XlsxSheet(XlsxWorkbookSource workbook, string name, string part) : SheetSource(workbook.File, name)
    {
        private readonly List<MergedRange> _merged = [];

        public override IReadOnlyList<MergedRange> MergedRanges => _merged;

        public override IEnumerable<RawRow> ReadRows()
        {
            using var reader = workbook.OpenPart(part)
                ?? throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"The workbook is damaged: sheet '{Name}' has no part {part}.");
            var names = reader.NameTable;
            object rowName = names.Add("row"), cellName = names.Add("c"), valueName = names.Add("v"), formulaName = names.Add("f"),
                inlineName = names.Add("is"), mergeName = names.Add("mergeCell");
            var cells = new List<(int Column, RawCell Cell)>(16);
            int lastRow = 0;
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (XmlException e)
            {
                throw Damaged(e);
            }
            while (more)
            {
                RawRow? row = null;
                try
                {
                    if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, rowName))
                    {
                        int number = ParseInt(reader.GetAttribute("r")) is { } r and > 0 ? r : lastRow + 1;
                        lastRow = number;
                        cells.Clear();
                        if (!reader.IsEmptyElement) ReadCells(reader, cells, cellName, valueName, formulaName, inlineName);
                        row = ToRow(number, cells);
                    }
                    else if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, mergeName)
                        && CellReference.TryParseRange(reader.GetAttribute("ref") ?? "", out var range))
                    {
                        _merged.Add(range);
                    }
                    more = reader.Read();
                }
                catch (XmlException e)
                {
                    throw Damaged(e);
                }
                if (row is not null) yield return row;
            }
        }

        private const string SharedResolved = "s-resolved";
        private char[] _text = new char[64];
        private readonly char[] _attribute = new char[16];

        /// <summary>Reads a cell's r (reference), s (style) and t (type) attributes without allocating strings for them:
        /// a large sheet has millions of cells, and per-cell attribute strings would dominate the import's allocations.</summary>
        private void ReadCellAttributes(XmlReader reader, ref int column, ref int style, ref string? type)
        {
            if (!reader.MoveToFirstAttribute()) return;
            do
            {
                string name = reader.LocalName;
                if (name.Length != 1 || reader.NamespaceURI.Length != 0) continue;
                int length = reader.ReadValueChunk(_attribute, 0, _attribute.Length);
                var chars = _attribute.AsSpan(0, length);
                switch (name[0])
                {
                    case 'r':
                        if (CellReference.TryParse(chars, out _, out int parsed)) column = parsed;
                        break;
                    case 's':
                        style = TryParseIndex(chars, out int index) ? index : 0;
                        break;
                    case 't':
                        type = chars switch
                        {
                            "s" => "s",
                            "n" => null,
                            "b" => "b",
                            "e" => "e",
                            "d" => "d",
                            "str" => "str",
                            "inlineStr" => "inlineStr",
                            _ => new string(chars),
                        };
                        break;
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        /// <summary>Reads the text of the current non-empty element into <see cref="_text"/> and moves past its end tag.</summary>
        private int ReadContent(XmlReader reader)
        {
            int depth = reader.Depth, length = 0;
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int read;
                    while ((read = reader.ReadValueChunk(_text, length, _text.Length - length)) > 0)
                    {
                        length += read;
                        if (length == _text.Length) Array.Resize(ref _text, _text.Length * 2);
                    }
                }
                reader.Read();
            }
            reader.Read();
            return length;
        }

        private static bool TryParseIndex(ReadOnlySpan<char> chars, out int index) =>
            int.TryParse(chars, NumberStyles.None, CultureInfo.InvariantCulture, out index);

        private WorkbookUnreadableException Damaged(XmlException e) =>
            new(ProblemKind.UnreadableFile, $"The workbook is damaged: sheet '{Name}' is not well-formed XML ({e.Message}).", e);

        private static int? ParseInt(string? text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

        private static RawRow ToRow(int number, List<(int Column, RawCell Cell)> cells)
        {
            int width = 0;
            foreach (var (column, _) in cells) width = Math.Max(width, column + 1);
            var array = new RawCell[width];
            foreach (var (column, cell) in cells) array[column] = cell;
            return new RawRow(number, array);
        }

        private void ReadCells(XmlReader reader, List<(int, RawCell)> cells, object cellName, object valueName, object formulaName, object inlineName)
        {
            int rowDepth = reader.Depth;
            int nextColumn = 0;
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == rowDepth) && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || !ReferenceEquals(reader.LocalName, cellName))
                {
                    reader.Read();
                    continue;
                }
                int column = nextColumn, style = 0;
                string? type = null;
                ReadCellAttributes(reader, ref column, ref style, ref type);
                nextColumn = column + 1;
                string? value = null, inline = null;
                bool formula = false;
                if (reader.IsEmptyElement)
                {
                    reader.Read();
                    continue;
                }
                int cellDepth = reader.Depth;
                reader.Read();
                while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellDepth) && !reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                    }
                    else if (ReferenceEquals(reader.LocalName, valueName))
                    {
                        if (reader.IsEmptyElement)
                        {
                            value = "";
                            reader.Read();
                        }
                        else
                        {
                            int length = ReadContent(reader);
                            // Shared-string indices are most cells: look them up without allocating the index text.
                            value = type == "s" && TryParseIndex(_text.AsSpan(0, length), out int index)
                                ? (index < workbook._sharedStrings.Length ? workbook._sharedStrings[index] : null)
                                : new string(_text, 0, length);
                            if (type == "s" && value is not null) type = SharedResolved;
                        }
                    }
                    else if (ReferenceEquals(reader.LocalName, formulaName))
                    {
                        formula = true;
                        reader.Skip();
                    }
                    else if (ReferenceEquals(reader.LocalName, inlineName))
                    {
                        inline = reader.IsEmptyElement ? "" : ReadRichText(reader);
                        reader.Read();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                reader.Read(); // past </c>
                var cell = workbook.ToCell(type, style, value, inline, formula);
                if (cell.Text is not null || formula) cells.Add((column, cell));
            }
        }
    }

    /// <summary>Counts decompressed bytes against the limit, because a part's declared size can lie.</summary>
    private sealed class CountingStream(Stream inner, XlsxWorkbookSource owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int read)
        {
            owner._bytesRead += read;
            if (owner._bytesRead > owner._options.MaxUncompressedBytes)
                throw owner.TooLarge($"it expands to more than {owner._options.MaxUncompressedBytes:N0} bytes");
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

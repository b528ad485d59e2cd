using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Xml;

namespace Evidence.Analytics.Import;

/// <summary>Reads the sheets of an .xlsx workbook by streaming its XML parts with <see cref="XmlReader"/>.</summary>
/// <remarks>
/// <para>Streaming rather than loading a DOM (the Open XML SDK's or ExcelDataReader's) keeps a 100,000-study workbook
/// well under a second and a few hundred MB, and exposes what the import must report: formulas (<c>&lt;f&gt;</c>, whose
/// cached <c>&lt;v&gt;</c> is used), error values (<c>t="e"</c>) and merged ranges (<c>&lt;mergeCell&gt;</c>).</para>
/// <para>Zip bombs are refused before anything is decompressed (declared sizes and compression ratios) and while
/// decompressing (actual bytes counted against the limit, since declared sizes can lie).</para>
/// <para>Damage is refused, never read as data: every part read is checked against the CRC-32 its zip directory entry
/// records, computed as the part streams through (the zip layer does not check it, so a flipped bit inside deflated
/// data can change a title and still inflate), and every failure of the zip layer, the XML or the links between parts
/// becomes one sentence naming the part (and its sheet).</para>
/// </remarks>
internal sealed class XlsxWorkbookSource : WorkbookSource
{
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WorkbookPart = "xl/workbook.xml";
    private const string RelationshipsPart = "xl/_rels/workbook.xml.rels";
    private const long RatioCheckThreshold = 1024 * 1024;

    private readonly ZipArchive _zip;
    private readonly ImportOptions _options;
    private readonly Dictionary<string, string> _sheetParts = new(StringComparer.Ordinal);
    private readonly List<string> _sheetNames = [];
    private string[] _sharedStrings = [];
    private bool _hasSharedStrings;
    private bool[] _dateStyles = [];
    private bool _date1904;
    private long _bytesRead;

    public XlsxWorkbookSource(Stream stream, string file, ImportOptions options) : base(file)
    {
        _options = options;
        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            _ = zip.Entries.Count; // the central directory is read here, on first use
            _zip = zip;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            zip?.Dispose();
            stream.Dispose();
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile,
                $"The file cannot be read as an .xlsx workbook: its zip directory is damaged or missing, as when the file is truncated ({WorkbookUnreadableException.Reason(e)}).", e);
        }
        try
        {
            CheckSizes();
            ReadWorkbook();
            _hasSharedStrings = (_options.ScansSheetXml ? ScanSharedStrings() : null) ?? ReadPart(SharedStringsPart, ReadSharedStrings);
            ReadPart(StylesPart, ReadStyles);
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> SheetNames => _sheetNames;

    public override SheetSource OpenSheet(string name)
    {
        string part = _sheetParts[name];
        if (FindEntry(part) is null) throw Missing(part);
        return new XlsxSheet(this, name, part);
    }

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

    /// <summary>" (sheet 'Studies')" when a part holds a sheet, else "".</summary>
    private string SheetOf(string part)
    {
        foreach (var (sheet, sheetPart) in _sheetParts)
        {
            if (string.Equals(sheetPart, part, StringComparison.OrdinalIgnoreCase)) return $" (sheet '{sheet}')";
        }
        return "";
    }

    /// <summary>"The workbook cannot be read: part xl/worksheets/sheet2.xml (sheet 'Studies') is damaged (checksum mismatch)."</summary>
    private WorkbookUnreadableException Damaged(string part, string reason, Exception? inner = null) =>
        new(ProblemKind.UnreadableFile, $"The workbook cannot be read: part {part}{SheetOf(part)} is damaged ({reason}).", inner);

    /// <summary>"The workbook cannot be read: part xl/sharedStrings.xml is missing, but cell A1 …".</summary>
    private WorkbookUnreadableException Missing(string part, string consequence = "") =>
        new(ProblemKind.UnreadableFile, $"The workbook cannot be read: part {part}{SheetOf(part)} is missing{consequence}.");

    private static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private ZipArchiveEntry? FindEntry(string path) =>
        _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens a part's checked bytes, or null if the package has no such part.</summary>
    private PartStream? OpenPartStream(string path)
    {
        if (FindEntry(path) is not { } entry) return null;
        Stream content;
        try
        {
            content = entry.Open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            // A corrupt local header or an unknown compression method.
            throw Damaged(entry.FullName, WorkbookUnreadableException.Reason(e), e);
        }
        return new PartStream(this, entry, content);
    }

    /// <summary>Opens a part for reading, or null if the package has no such part.</summary>
    private Part? OpenPart(string path)
    {
        if (OpenPartStream(path) is not { } stream) return null;
        try
        {
            return new Part(this, stream, XmlReader.Create(stream, Settings));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole part, checking it is intact; false if the package has no such part.</summary>
    private bool ReadPart(string path, Action<XmlReader> read)
    {
        using var part = OpenPart(path);
        if (part is null) return false;
        try
        {
            read(part.Reader);
        }
        catch (XmlException e)
        {
            throw part.NotWellFormed(e);
        }
        part.Finish();
        return true;
    }

    private void ReadWorkbook()
    {
        if (FindEntry(WorkbookPart) is null)
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, $"The file is a zip package but not an .xlsx workbook (it has no part {WorkbookPart}).");
        var targets = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
        bool hasRelationships = ReadPart(RelationshipsPart, rels =>
        {
            while (rels.Read())
            {
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") is { } id)
                    targets[id] = (rels.GetAttribute("Type") ?? "", ResolvePart(rels.GetAttribute("Target") ?? ""));
            }
        });
        SharedStringsPart = targets.Values.FirstOrDefault(t => t.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target ?? "xl/sharedStrings.xml";
        StylesPart = targets.Values.FirstOrDefault(t => t.Type.EndsWith("/styles", StringComparison.Ordinal)).Target ?? "xl/styles.xml";

        var sheets = new List<(string Name, string? Relationship)>();
        ReadPart(WorkbookPart, workbook =>
        {
            while (workbook.Read())
            {
                if (workbook.NodeType != XmlNodeType.Element) continue;
                if (workbook.LocalName == "workbookPr")
                    _date1904 = workbook.GetAttribute("date1904") is "1" or "true";
                else if (workbook.LocalName == "sheet" && workbook.GetAttribute("name") is { } name)
                    sheets.Add((name, workbook.GetAttribute("id", RelationshipNamespace)));
            }
        });
        if (!hasRelationships && sheets.Count > 0)
            throw Missing(RelationshipsPart, $", so the parts of its {sheets.Count} sheet{(sheets.Count == 1 ? "" : "s")} cannot be found");
        foreach (var (name, relationship) in sheets)
        {
            if (relationship is null)
                throw Damaged(WorkbookPart, $"sheet '{name}' names no relationship");
            if (!targets.TryGetValue(relationship, out var target))
                throw Damaged(RelationshipsPart, $"it has no relationship {relationship}, which sheet '{name}' names");
            // Chart sheets and dialog sheets hold no cells.
            if (!target.Type.EndsWith("/worksheet", StringComparison.Ordinal)) continue;
            if (!_sheetParts.TryAdd(name, target.Target))
                throw Damaged(WorkbookPart, $"it names two sheets '{name}'");
            _sheetNames.Add(name);
        }
    }

    private string SharedStringsPart { get; set; } = "xl/sharedStrings.xml";

    private string StylesPart { get; set; } = "xl/styles.xml";

    private static string ResolvePart(string target) =>
        target.StartsWith('/') ? target[1..] : "xl/" + target.Replace("../", "", StringComparison.Ordinal);

    private void ReadSharedStrings(XmlReader reader)
    {
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

    /// <summary>Reads the shared strings as <see cref="ReadSharedStrings"/> does, with the byte scanner: whether the
    /// package has the part, or null if the scanner left it to the XML reader.</summary>
    private bool? ScanSharedStrings()
    {
        using var bytes = OpenPartStream(SharedStringsPart);
        if (bytes is null) return false;
        var xml = new SheetXmlScanner(bytes);
        var strings = new List<string>();
        char[] buffer = new char[256];
        try
        {
            SheetXmlNode node;
            while ((node = xml.Read()) != SheetXmlNode.EndOfPart)
            {
                if (node != SheetXmlNode.Start) continue;
                if (xml.IsNamed("sst"u8) && xml.TryGetAttribute("uniqueCount"u8, out var count)
                    && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int capacity))
                    strings.Capacity = Math.Min(capacity, 10_000_000);
                else if (xml.IsNamed("si"u8))
                    strings.Add(xml.IsEmptyElement ? "" : ScanRichText(xml, ref buffer));
            }
        }
        catch (SheetXmlScanner.Unsupported)
        {
            bytes.Uncount();
            return null;
        }
        bytes.ReadToEndAndCheck();
        _sharedStrings = [.. strings];
        return true;
    }

    /// <summary>The shared string a cell refers to; a reference the shared strings cannot resolve means a damaged or
    /// incomplete workbook, never a blank cell.</summary>
    private string SharedString(ReadOnlySpan<char> index, string part, int row, int column)
    {
        bool isIndex = int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int i);
        if (isIndex && i < _sharedStrings.Length) return _sharedStrings[i];
        string cell = CellReference.Of(row, column);
        if (!isIndex) throw Damaged(part, $"cell {cell} refers to shared string '{index}', which is not a number");
        string sheet = SheetOf(part) is { Length: > 0 } label ? label[2..^1] : "part " + part;
        if (!_hasSharedStrings) throw Missing(SharedStringsPart, $", but cell {cell} of {sheet} refers to its string {i}");
        throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, string.Create(CultureInfo.InvariantCulture,
            $"The workbook cannot be read: part {SharedStringsPart} is incomplete: it holds {_sharedStrings.Length:N0} strings, but cell {cell} of {sheet} refers to string {i}."));
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

    /// <summary>The text of a non-empty string item read by the scanner, as <see cref="ReadRichText"/> reads it from the XML
    /// reader: its <c>&lt;t&gt;</c> runs, without phonetic runs; leaves the scanner on the item's end tag.</summary>
    private static string ScanRichText(SheetXmlScanner xml, ref char[] buffer)
    {
        int depth = xml.Depth, length = 0;
        while (true)
        {
            var node = xml.Read();
            if (node == SheetXmlNode.End && xml.Depth == depth) break;
            if (node != SheetXmlNode.Start) continue;
            if (xml.IsNamed("rPh"u8))
            {
                xml.Skip();
            }
            else if (xml.IsNamed("t"u8) && !xml.IsEmptyElement)
            {
                int textDepth = xml.Depth;
                while (xml.Read() is var text && !(text == SheetXmlNode.End && xml.Depth == textDepth))
                {
                    // The XML reader refuses an element inside a text run as not well-formed.
                    if (text != SheetXmlNode.Text) throw new SheetXmlScanner.Unsupported("an element inside a text run");
                    xml.AppendText(ref buffer, ref length);
                }
            }
        }
        return DecodeEscapes(new string(buffer, 0, length));
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

    private void ReadStyles(XmlReader reader)
    {
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
            case "s":
                // A shared-string cell without a <v>: its value is resolved in ReadCells when there is one.
                return new RawCell(null, flags);
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
        private readonly List<DuplicateCell> _duplicates = [];

        public override IReadOnlyList<MergedRange> MergedRanges => _merged;

        public override IReadOnlyList<DuplicateCell> DuplicateCells => _duplicates;

        public override IEnumerable<RawRow> ReadRows()
        {
            // The sheet's XML is scanned as bytes; XML the scanner does not read (or damage) sends it to the XML reader,
            // from the start, which gives on from the row after the last one given.
            int given = 0;
            if (workbook._options.ScansSheetXml)
            {
                using var bytes = workbook.OpenPartStream(part) ?? throw workbook.Missing(part);
                var scanner = new SheetXmlScanner(bytes);
                var scanned = new List<(int Column, RawCell Cell)>(16);
                int lastScanned = 0;
                bool whole = true;
                while (true)
                {
                    RawRow? row;
                    try
                    {
                        row = NextRow(scanner, scanned, ref lastScanned);
                    }
                    catch (SheetXmlScanner.Unsupported)
                    {
                        whole = false;
                        break;
                    }
                    catch (WorkbookUnreadableException)
                    {
                        // As the XML reader's path diagnoses: the part's own damage, if the rest shows some, comes first.
                        bytes.ReadToEndAndCheck();
                        throw;
                    }
                    if (row is null) break;
                    yield return row;
                    given = row.Number;
                }
                if (whole)
                {
                    bytes.ReadToEndAndCheck();
                    yield break;
                }
                bytes.Uncount();
                _merged.Clear();
                _duplicates.Clear();
            }
            foreach (var row in ReadRowsWithXmlReader())
            {
                if (row.Number > given) yield return row;
            }
        }

        /// <summary>The next row of the scanned XML, or null at the end of the part; collects merged ranges on the way.</summary>
        private RawRow? NextRow(SheetXmlScanner xml, List<(int Column, RawCell Cell)> cells, ref int lastRow)
        {
            while (true)
            {
                var node = xml.Read();
                if (node == SheetXmlNode.EndOfPart) return null;
                if (node != SheetXmlNode.Start) continue;
                if (xml.IsNamed("row"u8))
                {
                    int number = xml.TryGetAttribute("r"u8, out var r) && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                        ? n
                        : lastRow + 1;
                    if (number <= lastRow)
                        throw workbook.Damaged(part, string.Create(CultureInfo.InvariantCulture,
                            $"it gives row {number} after row {lastRow}; each row must be given once, in order"));
                    lastRow = number;
                    cells.Clear();
                    if (!xml.IsEmptyElement) ScanCells(xml, number, cells);
                    return ToRow(number, cells);
                }
                if (xml.IsNamed("mergeCell"u8) && xml.TryGetAttribute("ref"u8, out var reference)
                    && CellReference.TryParseRange(System.Text.Encoding.ASCII.GetString(reference), out var range))
                    _merged.Add(range);
            }
        }

        /// <summary>Reads a scanned row's cells as <see cref="ReadCells"/> reads them from the XML reader.</summary>
        private void ScanCells(SheetXmlScanner xml, int row, List<(int Column, RawCell Cell)> cells)
        {
            int rowDepth = xml.Depth;
            int nextColumn = 0, lastColumn = -1;
            Span<char> chars = stackalloc char[16];
            while (true)
            {
                var node = xml.Read();
                if (node == SheetXmlNode.End && xml.Depth == rowDepth) return;
                if (node != SheetXmlNode.Start) continue;
                // The XML reader's loop finds cells inside other elements of a row too; the scanner leaves those to it.
                if (!xml.IsNamed("c"u8)) throw new SheetXmlScanner.Unsupported("an element other than a cell in a row");
                int column = nextColumn, style = 0;
                string? type = null;
                if (xml.TryGetAttribute("r"u8, out var r))
                {
                    // As the XML reader's callers read at most 16 characters of an attribute.
                    if (r.Length > chars.Length) throw new SheetXmlScanner.Unsupported("a long cell reference");
                    int length = System.Text.Encoding.ASCII.GetChars(r, chars);
                    if (CellReference.TryParse(chars[..length], out _, out int parsed)) column = parsed;
                }
                if (xml.TryGetAttribute("s"u8, out var s))
                {
                    if (s.Length > chars.Length) throw new SheetXmlScanner.Unsupported("a long style index");
                    style = int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : 0;
                }
                if (xml.TryGetAttribute("t"u8, out var t))
                {
                    if (t.Length > chars.Length) throw new SheetXmlScanner.Unsupported("a long cell type");
                    type = t switch
                    {
                        [(byte)'s'] => "s",
                        [(byte)'n'] => null,
                        [(byte)'b'] => "b",
                        [(byte)'e'] => "e",
                        [(byte)'d'] => "d",
                        _ when t.SequenceEqual("str"u8) => "str",
                        _ when t.SequenceEqual("inlineStr"u8) => "inlineStr",
                        _ => System.Text.Encoding.ASCII.GetString(t),
                    };
                }
                nextColumn = column + 1;
                if (xml.IsEmptyElement) continue;
                string? value = null, inline = null;
                bool formula = false;
                int cellDepth = xml.Depth;
                while (true)
                {
                    node = xml.Read();
                    if (node == SheetXmlNode.End && xml.Depth == cellDepth) break;
                    if (node != SheetXmlNode.Start) continue;
                    if (xml.IsNamed("v"u8))
                    {
                        value = Value(ref type, xml.IsEmptyElement ? 0 : ScanContent(xml), row, column);
                    }
                    else if (xml.IsNamed("f"u8))
                    {
                        formula = true;
                        xml.Skip();
                    }
                    else if (xml.IsNamed("is"u8))
                    {
                        inline = xml.IsEmptyElement ? "" : XlsxWorkbookSource.ScanRichText(xml, ref _text);
                    }
                    else
                    {
                        xml.Skip();
                    }
                }
                AddCell(cells, row, column, workbook.ToCell(type, style, value, inline, formula), formula, ref lastColumn);
            }
        }

        /// <summary>The value of a cell whose <c>&lt;v&gt;</c> text is the first characters of <see cref="_text"/>: for a
        /// shared-string cell, the string it refers to (looked up without allocating the index text, since shared strings
        /// are most cells), and its type marked resolved.</summary>
        private string Value(ref string? type, int length, int row, int column)
        {
            if (type != "s") return new string(_text, 0, length);
            type = SharedResolved;
            return workbook.SharedString(_text.AsSpan(0, length), part, row, column);
        }

        /// <summary>Reads the text of the current start tag's element into <see cref="_text"/>, past its end tag; an
        /// element inside it is left to the XML reader.</summary>
        private int ScanContent(SheetXmlScanner xml)
        {
            int depth = xml.Depth, length = 0;
            while (true)
            {
                var node = xml.Read();
                if (node == SheetXmlNode.End && xml.Depth == depth) return length;
                if (node != SheetXmlNode.Text) throw new SheetXmlScanner.Unsupported("an element inside a value");
                xml.AppendText(ref _text, ref length);
            }
        }

        private IEnumerable<RawRow> ReadRowsWithXmlReader()
        {
            using var content = workbook.OpenPart(part) ?? throw workbook.Missing(part);
            var reader = content.Reader;
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
                throw content.NotWellFormed(e);
            }
            while (more)
            {
                RawRow? row = null;
                try
                {
                    if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, rowName))
                    {
                        int number = ParseInt(reader.GetAttribute("r")) is { } r and > 0 ? r : lastRow + 1;
                        // Excel writes each row once, in order, and refuses a sheet that does not; reading on would give
                        // one row two sets of cells.
                        if (number <= lastRow)
                            throw workbook.Damaged(part, string.Create(CultureInfo.InvariantCulture,
                                $"it gives row {number} after row {lastRow}; each row must be given once, in order"));
                        lastRow = number;
                        cells.Clear();
                        if (!reader.IsEmptyElement) ReadCells(reader, number, cells, cellName, valueName, formulaName, inlineName);
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
                    throw content.NotWellFormed(e);
                }
                catch (WorkbookUnreadableException e)
                {
                    throw content.Diagnose(e);
                }
                if (row is not null) yield return row;
            }
            content.Finish();
        }

        private const string SharedResolved = "s-resolved";
        private char[] _text = new char[64];
        private readonly char[] _attribute = new char[16];

        /// <summary>The position in the row's cells of a column already read, or -1. A loop rather than a lambda: a lambda
        /// capturing the column would allocate for every cell of the sheet.</summary>
        private static int IndexOf(List<(int Column, RawCell Cell)> cells, int column)
        {
            for (int i = 0; i < cells.Count; i++)
            {
                if (cells[i].Column == column) return i;
            }
            return -1;
        }

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

        private void ReadCells(XmlReader reader, int row, List<(int Column, RawCell Cell)> cells, object cellName, object valueName, object formulaName, object inlineName)
        {
            int rowDepth = reader.Depth;
            int nextColumn = 0, lastColumn = -1;
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
                        int length;
                        if (reader.IsEmptyElement)
                        {
                            length = 0;
                            reader.Read();
                        }
                        else
                        {
                            length = ReadContent(reader);
                        }
                        value = Value(ref type, length, row, column);
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
                AddCell(cells, row, column, workbook.ToCell(type, style, value, inline, formula), formula, ref lastColumn);
            }
        }

        /// <summary>Adds a cell read to its row's cells, unless it is empty; a column given twice keeps the first value and
        /// is reported with both.</summary>
        private void AddCell(List<(int Column, RawCell Cell)> cells, int row, int column, RawCell cell, bool formula, ref int lastColumn)
        {
            if (cell.Text is null && !formula) return;
            if (column <= lastColumn && IndexOf(cells, column) is int given and >= 0)
            {
                _duplicates.Add(new DuplicateCell(row, column, cells[given].Cell.Text, cell.Text));
                return;
            }
            cells.Add((column, cell));
            lastColumn = Math.Max(lastColumn, column);
        }
    }

    /// <summary>An open part: its XML reader over its checked stream.</summary>
    private sealed class Part(XlsxWorkbookSource workbook, PartStream stream, XmlReader reader) : IDisposable
    {
        public XmlReader Reader => reader;

        /// <summary>Checks that the part was read whole and intact: reads what the XML reader left (normally nothing) and
        /// compares the part's size and CRC-32 with its directory entry.</summary>
        public void Finish() => stream.ReadToEndAndCheck();

        /// <summary>The refusal for an XML error. Damage often shows first as bad XML, and its checksum is then the better
        /// diagnosis, so the rest of the part is read and checked first (that throws if it does not match).</summary>
        public WorkbookUnreadableException NotWellFormed(XmlException e)
        {
            stream.ReadToEndAndCheck();
            return workbook.Damaged(stream.Name, stream.BytesRead == 0
                ? "it is empty"
                : string.Create(CultureInfo.InvariantCulture, $"not well-formed XML: {WorkbookUnreadableException.Reason(e)}, at line {e.LineNumber}, position {e.LinePosition}"), e);
        }

        /// <summary>The refusal for what the part's content led to (a shared string that does not exist): the part's
        /// own damage, when the rest of it shows some, is the better diagnosis (a flipped bit turned "16" into "616").</summary>
        public WorkbookUnreadableException Diagnose(WorkbookUnreadableException e)
        {
            stream.ReadToEndAndCheck();
            return e;
        }

        public void Dispose() => reader.Dispose();
    }

    /// <summary>A part's decompressed bytes as they stream to the XML reader: counted against the size limit (a part's
    /// declared size can lie), run through a CRC-32 and, at the end, checked against the size and CRC-32 the zip directory
    /// records. Failures of the zip layer while reading (corrupt deflate data) are refused naming the part.</summary>
    private sealed class PartStream(XlsxWorkbookSource owner, ZipArchiveEntry entry, Stream inner) : Stream
    {
        private readonly Crc32 _crc = new();
        private bool _finished; // checked, or failed: nothing more to read

        /// <summary>The part's name in the package.</summary>
        public string Name => entry.FullName;

        /// <summary>The decompressed bytes read so far.</summary>
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                _finished = true;
                throw owner.Damaged(Name, "its compressed data is corrupt", e);
            }
            catch (IOException e)
            {
                _finished = true;
                throw owner.Damaged(Name, WorkbookUnreadableException.Reason(e), e);
            }
            if (read == 0)
            {
                if (!buffer.IsEmpty) Check();
                return 0;
            }
            _crc.Append(buffer[..read]);
            BytesRead += read;
            owner._bytesRead += read;
            if (owner._bytesRead > owner._options.MaxUncompressedBytes)
            {
                _finished = true;
                throw owner.TooLarge($"it expands to more than {owner._options.MaxUncompressedBytes:N0} bytes");
            }
            return read;
        }

        /// <summary>Takes the bytes read so far off the workbook's count, when the part is to be read again.</summary>
        public void Uncount() => owner._bytesRead -= BytesRead;

        /// <summary>Reads the rest of the part and checks it, unless it has been checked or reading it has failed.</summary>
        public void ReadToEndAndCheck()
        {
            if (_finished) return;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (Read(buffer) > 0) { }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Check()
        {
            if (_finished) return;
            _finished = true;
            if (BytesRead != entry.Length)
                throw owner.Damaged(Name, string.Create(CultureInfo.InvariantCulture, $"it inflates to {BytesRead:N0} bytes, not the {entry.Length:N0} its zip directory entry records"));
            if (_crc.GetCurrentHashAsUInt32() != entry.Crc32)
                throw owner.Damaged(Name, "checksum mismatch");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

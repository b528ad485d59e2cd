using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Evidence.Analytics.Tests.Import.Integrity;

/// <summary>The bundled sample as the corpus starts from it: the workbook's bytes and the CSV folder's files.</summary>
internal static class CorpusSample
{
    public static string WorkbookPath => Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx");

    public static string CsvFolder => Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing");

    public static byte[] Workbook { get; } = File.ReadAllBytes(WorkbookPath);

    /// <summary>File name → text of every CSV file of the sample folder, in ordinal order.</summary>
    public static IReadOnlyDictionary<string, string> Csv { get; } = Directory.EnumerateFiles(CsvFolder, "*.csv")
        .Order(StringComparer.Ordinal)
        .ToDictionary(p => Path.GetFileName(p), p => File.ReadAllText(p, new UTF8Encoding(false)), StringComparer.Ordinal);

    /// <summary>Sheet name → its rows as the CSV folder holds them (row 0 is the header), parsed by <see cref="CsvText"/>.</summary>
    public static IReadOnlyDictionary<string, List<string[]>> Grids { get; } = Csv.ToDictionary(
        f => SheetOf(f.Key), f => CsvText.Parse(f.Value), StringComparer.Ordinal);

    /// <summary>"configuration-links.csv" → "Configuration links", by the format's sheet names (no library code involved).</summary>
    public static string SheetOf(string csvFile)
    {
        string stem = Path.GetFileNameWithoutExtension(csvFile);
        return WorkbookFormat.Sheets.First(s => string.Equals(s.Name.Replace(' ', '-'), stem, StringComparison.OrdinalIgnoreCase)).Name;
    }

    public static string CsvFileOf(string sheet) => sheet.ToLowerInvariant().Replace(' ', '-') + ".csv";
}

/// <summary>A small reference CSV reader and writer (RFC 4180, comma-separated), independent of the library's.</summary>
internal static class CsvText
{
    /// <summary>The records of a well-formed file; a blank last line is not a record.</summary>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            any = true;
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                any = false;
            }
            else field.Append(c);
        }
        if (any)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }

    /// <summary>Writes records with "\n" line ends, quoting fields that need it; <paramref name="raw"/> may replace a
    /// field's written text verbatim (row and column 0-based, null to write the field normally).</summary>
    public static string Write(IReadOnlyList<string[]> rows, Func<int, int, string?>? raw = null)
    {
        var text = new StringBuilder();
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < rows[r].Length; c++)
            {
                if (c > 0) text.Append(',');
                text.Append(raw?.Invoke(r, c) ?? Escape(rows[r][c]));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim() ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>Data rows as the file has them: non-blank physical lines after the first non-blank line (the header).
    /// Valid for files whose fields hold no line breaks, which is every CSV file of the corpus.</summary>
    public static int DataLines(string text)
    {
        int lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None)
            .Count(line => line.Any(ch => ch != ',' && ch != '"' && !char.IsWhiteSpace(ch)));
        return Math.Max(0, lines - 1);
    }
}

/// <summary>An .xlsx package opened for editing part by part (the sheets' XML edited as text or as XML), then zipped again
/// with <see cref="RawZip"/>; unchanged parts keep their stored bytes.</summary>
internal sealed class XlsxPackage
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly List<ZipPart> _parts;

    public XlsxPackage(byte[] xlsx) => _parts = RawZip.Read(xlsx);

    public IReadOnlyList<ZipPart> Parts => _parts;

    public bool Has(string part) => _parts.Any(p => p.Name == part);

    public byte[] Content(string part) => _parts.Single(p => p.Name == part).Content();

    public XDocument Xml(string part)
    {
        using var stream = new MemoryStream(Content(part));
        return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
    }

    public void Put(string part, byte[] content)
    {
        var replacement = ZipPart.Deflate(part, content);
        int index = _parts.FindIndex(p => p.Name == part);
        if (index < 0) _parts.Add(replacement);
        else _parts[index] = replacement;
    }

    public void Put(string part, XDocument xml) => Put(part, Bytes(xml));

    public void Remove(string part) => _parts.RemoveAll(p => p.Name == part);

    public byte[] ToBytes() => RawZip.Write(_parts);

    public static byte[] Bytes(XDocument xml) =>
        new UTF8Encoding(false).GetBytes((xml.Declaration?.ToString() ?? "") + xml.Root!.ToString(SaveOptions.DisableFormatting));

    /// <summary>Sheet name → worksheet part, in workbook order, read from xl/workbook.xml and its relationships.</summary>
    public List<(string Name, string Part)> Sheets()
    {
        var targets = Xml("xl/_rels/workbook.xml.rels").Root!.Elements(PackageRelationships + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => "xl/" + (string)r.Attribute("Target")!);
        return Xml("xl/workbook.xml").Descendants(Main + "sheet")
            .Select(s => ((string)s.Attribute("name")!, targets[(string)s.Attribute(Relationships + "id")!]))
            .ToList();
    }

    public string SheetPart(string sheet) => Sheets().Single(s => s.Name == sheet).Part;

    /// <summary>Removes a sheet: its entry in the workbook, its relationship and its part.</summary>
    public void RemoveSheet(string sheet)
    {
        var workbook = Xml("xl/workbook.xml");
        var entry = workbook.Descendants(Main + "sheet").Single(s => (string)s.Attribute("name")! == sheet);
        string id = (string)entry.Attribute(Relationships + "id")!;
        entry.Remove();
        Put("xl/workbook.xml", workbook);
        var rels = Xml("xl/_rels/workbook.xml.rels");
        var relationship = rels.Root!.Elements(PackageRelationships + "Relationship").Single(r => (string)r.Attribute("Id")! == id);
        string part = "xl/" + (string)relationship.Attribute("Target")!;
        relationship.Remove();
        Put("xl/_rels/workbook.xml.rels", rels);
        Remove(part);
    }

    /// <summary>Adds a sheet named <paramref name="name"/> whose part is a copy of an existing sheet's.</summary>
    public void AddSheetCopy(string name, string copyOf)
    {
        string source = SheetPart(copyOf);
        string part = $"xl/worksheets/sheet{_parts.Count + 1}.xml";
        const string id = "rIdCorpus";
        var workbook = Xml("xl/workbook.xml");
        var sheets = workbook.Descendants(Main + "sheets").Single();
        int sheetId = sheets.Elements(Main + "sheet").Max(s => (int)s.Attribute("sheetId")!) + 1;
        sheets.Add(new XElement(Main + "sheet", new XAttribute("name", name), new XAttribute("sheetId", sheetId), new XAttribute(Relationships + "id", id)));
        Put("xl/workbook.xml", workbook);
        var rels = Xml("xl/_rels/workbook.xml.rels");
        rels.Root!.Add(new XElement(PackageRelationships + "Relationship", new XAttribute("Id", id),
            new XAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"),
            new XAttribute("Target", part["xl/".Length..])));
        Put("xl/_rels/workbook.xml.rels", rels);
        Put(part, Content(source));
    }

    /// <summary>Edits one sheet's XML.</summary>
    public void EditSheet(string sheet, Action<XDocument> edit)
    {
        string part = SheetPart(sheet);
        var xml = Xml(part);
        edit(xml);
        Put(part, xml);
    }

    /// <summary>Appends a shared string and returns its index.</summary>
    public int AddSharedString(string text)
    {
        var strings = Xml("xl/sharedStrings.xml");
        var root = strings.Root!;
        int index = root.Elements(Main + "si").Count();
        root.Add(new XElement(Main + "si", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text)));
        root.SetAttributeValue("count", index + 1);
        root.SetAttributeValue("uniqueCount", index + 1);
        Put("xl/sharedStrings.xml", strings);
        return index;
    }

    /// <summary>The row element of a sheet, with every cell given its explicit reference (the workbook writer omits
    /// references on consecutive cells), so that cells can be replaced and inserted by column.</summary>
    public static XElement Row(XDocument sheet, int number)
    {
        var row = sheet.Descendants(Main + "row").Single(r => (int)r.Attribute("r")! == number);
        int next = 0;
        foreach (var cell in row.Elements(Main + "c"))
        {
            int column = cell.Attribute("r") is { } reference ? ColumnOf(reference.Value) : next;
            cell.SetAttributeValue("r", Reference(number, column));
            next = column + 1;
        }
        return row;
    }

    /// <summary>Puts a cell (or removes it when <paramref name="cell"/> is null) at a column of a row.</summary>
    public static void SetCell(XDocument sheet, int row, int column, XElement? cell)
    {
        var element = Row(sheet, row);
        var existing = element.Elements(Main + "c").FirstOrDefault(c => ColumnOf((string)c.Attribute("r")!) == column);
        if (existing is not null)
        {
            if (cell is null) existing.Remove();
            else existing.ReplaceWith(cell);
            return;
        }
        if (cell is null) return;
        var after = element.Elements(Main + "c").FirstOrDefault(c => ColumnOf((string)c.Attribute("r")!) > column);
        if (after is null) element.Add(cell);
        else after.AddBeforeSelf(cell);
    }

    public static string Reference(int row, int column)
    {
        string letters = "";
        for (int n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    public static int ColumnOf(string reference)
    {
        int column = 0;
        foreach (char c in reference.TakeWhile(char.IsAsciiLetter)) column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column - 1;
    }

    public static XElement TextCell(string reference, int sharedIndex) =>
        new(Main + "c", new XAttribute("r", reference), new XAttribute("t", "s"), new XElement(Main + "v", sharedIndex));

    public static XElement InlineCell(string reference, string text) =>
        new(Main + "c", new XAttribute("r", reference), new XAttribute("t", "inlineStr"),
            new XElement(Main + "is", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text)));

    public static XElement NumberCell(string reference, string number) =>
        new(Main + "c", new XAttribute("r", reference), new XElement(Main + "v", number));

    public static XElement ErrorCell(string reference, string error) =>
        new(Main + "c", new XAttribute("r", reference), new XAttribute("t", "e"), new XElement(Main + "v", error));

    public static XElement FormulaCell(string reference, string formula, string cached, bool numeric) => numeric
        ? new(Main + "c", new XAttribute("r", reference), new XElement(Main + "f", formula), new XElement(Main + "v", cached))
        : new(Main + "c", new XAttribute("r", reference), new XAttribute("t", "str"), new XElement(Main + "f", formula), new XElement(Main + "v", cached));

    /// <summary>Data rows per sheet as the file has them, counted from the sheet XML itself: the non-blank
    /// <c>&lt;row&gt;</c> elements after the first non-blank one (the header). A cell is non-blank when its shared or
    /// inline string or value has a non-space character, or it is an error value or a formula.</summary>
    public static Dictionary<string, int> DataRows(byte[] xlsx)
    {
        var package = new XlsxPackage(xlsx);
        var strings = package._parts.SingleOrDefault(p => p.Name == "xl/sharedStrings.xml");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, part) in package.Sheets())
        {
            var sheet = package._parts.Single(p => p.Name == part);
            // Most corpus workbooks differ from the sample in one part: count each distinct (strings, sheet) pair once.
            var key = (Fingerprint(strings), Fingerprint(sheet));
            lock (RowCounts)
            {
                if (!RowCounts.TryGetValue(key, out int rows))
                {
                    var shared = strings is null ? [] : SharedStrings(package);
                    RowCounts[key] = rows = Math.Max(0, package.Xml(part).Descendants(Main + "row").Count(row => row.Elements(Main + "c").Any(cell => !IsBlank(cell, shared))) - 1);
                }
                counts[name] = rows;
            }
        }
        return counts;
    }

    private static readonly Dictionary<((uint, int), (uint, int)), int> RowCounts = [];

    private static (uint, int) Fingerprint(ZipPart? part) => part is null ? default : (RawZip.Crc32(part.Stored), part.Stored.Length);

    private static string[] SharedStrings(XlsxPackage package) =>
        [.. package.Xml("xl/sharedStrings.xml").Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value)))];

    private static bool IsBlank(XElement cell, string[] shared)
    {
        if ((string?)cell.Attribute("t") == "e" || cell.Element(Main + "f") is not null) return false;
        string? text = (string?)cell.Attribute("t") switch
        {
            "s" => int.TryParse(cell.Element(Main + "v")?.Value, CultureInfo.InvariantCulture, out int i) && i < shared.Length ? shared[i] : cell.Element(Main + "v")?.Value,
            "inlineStr" => string.Concat(cell.Descendants(Main + "t").Select(t => t.Value)),
            _ => cell.Element(Main + "v")?.Value,
        };
        return string.IsNullOrWhiteSpace(text);
    }
}

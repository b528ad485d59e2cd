using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>A written workbook read back as XML parts with LINQ to XML, independently of the writer: sheets by name,
/// their relationships, the defined names and the cell formats, for tests of what the writer puts around the cells.</summary>
internal sealed class XlsxParts
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    public static readonly XNamespace Drawing = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    public static readonly XNamespace ChartMl = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    private readonly Dictionary<string, XDocument> _parts = [];

    public XlsxParts(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            _parts[entry.FullName] = XDocument.Load(stream);
        }
        Workbook = _parts["xl/workbook.xml"];
        var targets = Relationships("xl/workbook.xml");
        Sheets = Workbook.Root!.Element(Main + "sheets")!.Elements(Main + "sheet")
            .Select(s => (Name: (string)s.Attribute("name")!, Part: targets[(string)s.Attribute(Rel + "id")!], Hidden: (string?)s.Attribute("state") == "hidden"))
            .ToList();
    }

    public XDocument Workbook { get; }

    /// <summary>The sheets in workbook order: name, part name, hidden.</summary>
    public List<(string Name, string Part, bool Hidden)> Sheets { get; }

    public XDocument Part(string name) => _parts[name];

    public XElement Sheet(string name) => _parts[Sheets.Single(s => s.Name == name).Part].Root!;

    /// <summary>A part's relationships: id → target resolved against the part's folder.</summary>
    public Dictionary<string, string> Relationships(string part)
    {
        string folder = part.Contains('/') ? part[..part.LastIndexOf('/')] : "";
        string rels = (folder.Length > 0 ? folder + "/" : "") + "_rels/" + part[(part.LastIndexOf('/') + 1)..] + ".rels";
        if (!_parts.TryGetValue(rels, out var document)) return [];
        return document.Root!.Elements(PackageRel + "Relationship").ToDictionary(
            r => (string)r.Attribute("Id")!,
            r => Resolve(folder, (string)r.Attribute("Target")!));
    }

    private static string Resolve(string folder, string target)
    {
        var path = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (string segment in target.Split('/'))
        {
            if (segment == "..") path.RemoveAt(path.Count - 1);
            else path.Add(segment);
        }
        return string.Join("/", path);
    }

    /// <summary>The charts drawn on a sheet, each with its anchor (zero-based from/to column and row).</summary>
    public List<(XElement Chart, int FromColumn, int FromRow, int ToColumn, int ToRow)> Charts(string sheetName)
    {
        string part = Sheets.Single(s => s.Name == sheetName).Part;
        var sheetRels = Relationships(part);
        var drawing = Sheet(sheetName).Element(Main + "drawing");
        if (drawing is null) return [];
        string drawingPart = sheetRels[(string)drawing.Attribute(Rel + "id")!];
        var drawingRels = Relationships(drawingPart);
        XNamespace a = "http://schemas.openxmlformats.org/drawingml/2006/main";
        return _parts[drawingPart].Root!.Elements(Drawing + "twoCellAnchor").Select(anchor =>
        {
            int Marker(string name, string field) => int.Parse(anchor.Element(Drawing + name)!.Element(Drawing + field)!.Value, CultureInfo.InvariantCulture);
            string id = (string)anchor.Descendants(ChartMl + "chart").Single().Attribute(Rel + "id")!;
            return (_parts[drawingRels[id]].Root!, Marker("from", "col"), Marker("from", "row"), Marker("to", "col"), Marker("to", "row"));
        }).ToList();
    }

    /// <summary>The cell format (cellXfs entry) of a cell, from its s attribute (0 when absent).</summary>
    public XElement CellFormat(XElement cell)
    {
        int index = (int?)cell.Attribute("s") ?? 0;
        return _parts["xl/styles.xml"].Root!.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(index);
    }

    /// <summary>The Normal style's format (cellStyleXfs[0]), which LibreOffice gives a cell without a style.</summary>
    public XElement NormalFormat => _parts["xl/styles.xml"].Root!.Element(Main + "cellStyleXfs")!.Elements(Main + "xf").First();

    /// <summary>The shared strings, by index.</summary>
    public List<string> Strings => _parts["xl/sharedStrings.xml"].Root!.Elements(Main + "si")
        .Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();

    /// <summary>The cells of a row with their zero-based columns (a cell without a reference follows the one before).</summary>
    public static IEnumerable<(int Column, XElement Cell)> Cells(XElement row)
    {
        int column = -1;
        foreach (var cell in row.Elements(Main + "c"))
        {
            column = cell.Attribute("r") is { } reference ? ParseCell(reference.Value).Column : column + 1;
            yield return (column, cell);
        }
    }

    /// <summary>A row's one-based number.</summary>
    public static int RowNumber(XElement row) => (int)row.Attribute("r")!;

    /// <summary>A row's height in points: its ht, or the default 15.</summary>
    public static double RowHeight(XElement row) => (double?)row.Attribute("ht") ?? 15;

    /// <summary>A cell reference's zero-based column and one-based row ("C7" → (2, 7)).</summary>
    public static (int Column, int Row) ParseCell(string reference)
    {
        int column = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return (column - 1, int.Parse(reference[i..], CultureInfo.InvariantCulture));
    }
}

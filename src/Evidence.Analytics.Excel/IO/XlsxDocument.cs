using System.Globalization;
using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>Writes an .xlsx workbook part by part: worksheets are streamed as they are added; the workbook, styles,
/// shared strings and document properties are written by <see cref="Save"/>.</summary>
/// <remarks>Nothing here reads the clock or depends on the culture: the same calls give the same bytes.</remarks>
internal sealed class XlsxDocument : IDisposable
{
    private readonly XlsxPackage _package;
    private readonly SharedStringTable _strings;
    private readonly List<SheetEntry> _sheets = [];
    private readonly List<(string Name, string Formula, int? SheetIndex, bool Hidden)> _names = [];
    private readonly string _title;
    private readonly List<Action> _afterSheet = [];
    private int _tableCount;
    private int _drawingCount;
    private int _chartCount;
    private bool _saved;

    private sealed record SheetEntry(string Name, string PartName, bool Hidden);

    /// <summary>Starts a workbook written to a stream.</summary>
    /// <param name="output">The stream; left open.</param>
    /// <param name="title">The document title (core properties).</param>
    /// <param name="distinctTexts">About how many distinct texts the cells will hold (0 if unknown), so that the shared
    /// string table is made that large at once rather than grown and copied as a large workbook's rows come.</param>
    public XlsxDocument(Stream output, string title, int distinctTexts = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        _package = new XlsxPackage(output);
        _title = title;
        _strings = new SharedStringTable(distinctTexts);
    }

    /// <summary>Adds a worksheet and writes its cells now.</summary>
    /// <param name="name">The sheet name (at most 31 characters, none of <c>[]:*?/\</c>).</param>
    /// <param name="layout">Widths, frozen rows, print setup.</param>
    /// <param name="write">Writes the rows.</param>
    /// <param name="hidden">Whether the sheet is hidden (lists behind drop-downs).</param>
    public void AddSheet(string name, SheetLayout layout, Action<WorksheetWriter> write, bool hidden = false)
    {
        ValidateSheetName(name);
        int number = _sheets.Count + 1;
        string partName = $"xl/worksheets/sheet{number.ToString(CultureInfo.InvariantCulture)}.xml";
        _sheets.Add(new SheetEntry(name, partName, hidden));
        if (layout.PrintTitleRows > 0)
            _names.Add(("_xlnm.Print_Titles", $"{XlsxText.SheetReference(name)}!$1:${layout.PrintTitleRows.ToString(CultureInfo.InvariantCulture)}", number - 1, false));
        WorksheetWriter? sheet = null;
        _package.WritePart(partName, Namespaces.WorksheetType, (xml, stream) =>
        {
            sheet = new WorksheetWriter(xml, stream, _strings, this, name, layout);
            write(sheet);
            sheet.Finish();
        });
        _package.WriteRelationships(partName, sheet!.Relationships);
        // A zip being written holds one open entry at a time, so the parts a sheet refers to follow it.
        foreach (var writePart in _afterSheet) writePart();
        _afterSheet.Clear();
    }

    /// <summary>Defines a workbook-wide name ("List_Design" → 'Lists'!$A$2:$A$11).</summary>
    public void DefineName(string name, string formula, bool hidden = false) => _names.Add((name, formula, null, hidden));

    /// <summary>Writes a table part and returns its target relative to a worksheet.</summary>
    internal string AddTable(string name, string range, IReadOnlyList<string> headers)
    {
        int id = ++_tableCount;
        string file = $"table{id.ToString(CultureInfo.InvariantCulture)}.xml";
        _afterSheet.Add(() => _package.WritePart("xl/tables/" + file, Namespaces.TableType, xml => TablePartWriter.Write(xml, id, name, range, headers)));
        return "../tables/" + file;
    }

    /// <summary>Writes a sheet's drawing part holding its charts, and the chart parts, once the sheet is written.</summary>
    /// <returns>The drawing's target relative to the worksheet.</returns>
    internal string AddDrawing(IReadOnlyList<(ChartSpec Chart, ChartAnchor Anchor)> charts)
    {
        int drawing = ++_drawingCount;
        string drawingName = $"xl/drawings/drawing{drawing.ToString(CultureInfo.InvariantCulture)}.xml";
        var chartFiles = charts.Select(_ => $"chart{(++_chartCount).ToString(CultureInfo.InvariantCulture)}.xml").ToArray();
        _afterSheet.Add(() =>
        {
            _package.WritePart(drawingName, Namespaces.DrawingType, xml => DrawingPartWriter.Write(xml, charts.Select(c => c.Anchor).ToArray()));
            _package.WriteRelationships(drawingName, chartFiles
                .Select((file, i) => new PartRelationship(RelationshipId(i), Namespaces.ChartRel, "../charts/" + file)).ToList());
            for (int i = 0; i < charts.Count; i++)
            {
                var chart = charts[i].Chart;
                _package.WritePart("xl/charts/" + chartFiles[i], Namespaces.ChartType, xml => ChartPartWriter.Write(xml, chart));
            }
        });
        return "../drawings/" + Path.GetFileName(drawingName);
    }

    /// <summary>Writes the workbook, styles, shared strings and properties, and closes the package.</summary>
    public void Save()
    {
        if (_saved) return;
        _saved = true;
        if (_sheets.Count == 0) throw new InvalidOperationException("A workbook needs at least one sheet.");

        _package.WritePart("xl/workbook.xml", Namespaces.WorkbookType, WriteWorkbook);
        _package.WritePart("xl/styles.xml", Namespaces.StylesType, StylesPartWriter.Write);
        _package.WritePart("xl/sharedStrings.xml", Namespaces.SharedStringsType, _strings.Write);
        var workbookRelationships = _sheets
            .Select((sheet, i) => new PartRelationship(RelationshipId(i), Namespaces.WorksheetRel, sheet.PartName["xl/".Length..]))
            .Append(new PartRelationship(RelationshipId(_sheets.Count), Namespaces.StylesRel, "styles.xml"))
            .Append(new PartRelationship(RelationshipId(_sheets.Count + 1), Namespaces.SharedStringsRel, "sharedStrings.xml"))
            .ToList();
        _package.WriteRelationships("xl/workbook.xml", workbookRelationships);
        DocumentPropertiesWriter.Write(_package, _title);
        _package.WriteRelationships("",
        [
            new PartRelationship("rId1", Namespaces.OfficeDocumentRel, "xl/workbook.xml"),
            new PartRelationship("rId2", Namespaces.CorePropertiesRel, "docProps/core.xml"),
            new PartRelationship("rId3", Namespaces.ExtendedPropertiesRel, "docProps/app.xml"),
        ]);
        _package.Finish();
    }

    private static string RelationshipId(int index) => "rId" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private void WriteWorkbook(XmlWriter xml)
    {
        xml.WriteStartElement("workbook", Namespaces.Main);
        xml.WriteAttributeString("xmlns", "r", null, Namespaces.Relationships);
        xml.WriteStartElement("bookViews", Namespaces.Main);
        xml.WriteStartElement("workbookView", Namespaces.Main);
        xml.WriteAttributeString("activeTab", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheets", Namespaces.Main);
        for (int i = 0; i < _sheets.Count; i++)
        {
            xml.WriteStartElement("sheet", Namespaces.Main);
            xml.WriteAttributeString("name", _sheets[i].Name);
            xml.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            if (_sheets[i].Hidden) xml.WriteAttributeString("state", "hidden");
            xml.WriteAttributeString("r", "id", Namespaces.Relationships, RelationshipId(i));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        if (_names.Count > 0)
        {
            xml.WriteStartElement("definedNames", Namespaces.Main);
            // Excel expects defined names sorted; a stable order also keeps the bytes the same.
            foreach (var (name, formula, sheetIndex, hidden) in _names.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.SheetIndex))
            {
                xml.WriteStartElement("definedName", Namespaces.Main);
                xml.WriteAttributeString("name", name);
                if (sheetIndex is { } index) xml.WriteAttributeString("localSheetId", index.ToString(CultureInfo.InvariantCulture));
                if (hidden) xml.WriteAttributeString("hidden", "1");
                xml.WriteString(formula);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("calcPr", Namespaces.Main);
        xml.WriteAttributeString("calcId", "191029");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void ValidateSheetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0 || name.StartsWith('\'') || name.EndsWith('\''))
            throw new ArgumentException($"'{name}' cannot be a sheet name: use 1–31 characters, none of []:*?/\\, not starting or ending with an apostrophe.", nameof(name));
        if (_sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"The workbook already has a sheet named '{name}'.", nameof(name));
    }

    public void Dispose() => _package.Dispose();
}

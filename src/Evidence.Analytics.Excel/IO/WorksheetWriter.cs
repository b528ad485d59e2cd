using System.Globalization;
using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>Streams one worksheet part: rows and cells as they come, then the parts of the sheet that follow the cells
/// (merged cells, conditional formats, data validations, links, print setup, drawing, tables) in schema order.</summary>
/// <remarks>Cells are written left to right; a cell's reference is written only after a skipped cell, which keeps large
/// sheets small. Text always goes to the shared string table as a string cell, so nothing a user typed is ever a
/// formula; text that starts like one is also given a quote prefix so that Excel keeps it text when edited.
/// A row holding wrapped text is given the height its longest text needs (<see cref="TextFit"/>), across the cells
/// merged with it, since neither Excel nor LibreOffice fits it when the file opens.</remarks>
internal sealed class WorksheetWriter
{
    private readonly XmlWriter _xml;
    private readonly PartOutput _raw;
    private bool _rowsStarted;
    private byte[] _bytes = new byte[4096];
    private readonly SharedStringTable _strings;
    private readonly XlsxDocument _document;
    private char[] _row = new char[4096];
    private int _length;
    private readonly char[] _rowStart = new char[80];
    private readonly Dictionary<double, string> _heights = [];
    private double? _rowHeight;
    private readonly List<(int Column, string Text, CellStyle Style)> _wrapped = [];
    private readonly List<(int First, int Last)> _rowMerges = [];
    private readonly List<float> _rowHeights = [];
    private readonly List<(int First, int Last)> _keepTogether = [];
    private int _columns;
    private readonly List<(string Reference, string RelationshipId)> _hyperlinks = [];
    private readonly (string? Text, int Index)[] _lastStrings = new (string?, int)[32];
    private readonly List<string> _merges = [];
    private readonly List<Action<XmlWriter>> _conditionalFormats = [];
    private readonly List<DataValidationSpec> _validations = [];
    private readonly List<string> _tableRelationshipIds = [];
    private string? _autoFilter;
    private bool _rowOpen;
    private int _nextColumn;

    /// <param name="xml">The part's XML writer.</param>
    /// <param name="raw">The stream under <paramref name="xml"/>, to which rows are written as bytes (they are ASCII).</param>
    /// <param name="strings">The workbook's shared strings.</param>
    /// <param name="document">The workbook.</param>
    /// <param name="name">The sheet's name.</param>
    /// <param name="layout">The sheet's layout.</param>
    internal WorksheetWriter(XmlWriter xml, PartOutput raw, SharedStringTable strings, XlsxDocument document, string name, SheetLayout layout)
    {
        _xml = xml;
        _raw = raw;
        _strings = strings;
        _document = document;
        Name = name;
        Layout = layout;
        WriteStart();
    }

    /// <summary>The sheet's name.</summary>
    public string Name { get; }

    /// <summary>The sheet's layout.</summary>
    public SheetLayout Layout { get; }

    /// <summary>The one-based number of the current row (0 before the first row).</summary>
    public int RowNumber { get; private set; }

    /// <summary>The zero-based index of the next cell in the current row.</summary>
    public int ColumnIndex => _nextColumn;

    /// <summary>The relationships of this sheet (links, tables, drawing).</summary>
    internal List<PartRelationship> Relationships { get; } = [];

    /// <summary>Starts the next row.</summary>
    /// <param name="height">A custom row height in points, or null.</param>
    public WorksheetWriter Row(double? height = null)
    {
        if (RowNumber >= XlsxText.MaxRows)
            throw new InvalidOperationException($"Sheet '{Name}' would need more than {XlsxText.MaxRows:N0} rows, the most Excel can hold.");
        FlushRow();
        RowNumber++;
        _rowHeight = height;
        _rowOpen = true;
        _nextColumn = 0;
        _lastWrittenColumn = -1;
        return this;
    }

    /// <summary>Skips a number of cells of the current row.</summary>
    public WorksheetWriter Skip(int cells = 1)
    {
        _nextColumn += cells;
        return this;
    }

    /// <summary>Writes a text cell; null or empty text leaves the cell empty.</summary>
    public WorksheetWriter Text(string? text, CellStyle style = CellStyle.Default)
    {
        if (string.IsNullOrEmpty(text)) return Skip();
        if (text.Length > XlsxText.MaxCellLength)
            throw new ArgumentException($"Sheet '{Name}', cell {XlsxText.Cell(_nextColumn, RowNumber)}: the text is {text.Length:N0} characters long; Excel holds at most {XlsxText.MaxCellLength:N0}.", nameof(text));
        if (style == CellStyle.Default && CsvField.StartsLikeFormula(text)) style = CellStyle.LiteralText;
        else if (style == CellStyle.Default && Layout.WrapText) style = CellStyle.Wrapped;
        if (style.Wraps()) _wrapped.Add((_nextColumn, text, style));
        StartCell(style, "s");
        WriteValue(_nextColumn < _lastStrings.Length ? _strings.IndexOf(text, ref _lastStrings[_nextColumn]) : _strings.IndexOf(text));
        return EndCell();
    }

    /// <summary>Writes a number cell; null leaves the cell empty.</summary>
    /// <exception cref="ArgumentException">The number is NaN or infinite, which Excel cannot store.</exception>
    public WorksheetWriter Number(double? value, CellStyle style = CellStyle.Default)
    {
        if (value is not { } number) return Skip();
        if (!double.IsFinite(number))
            throw new ArgumentException($"Sheet '{Name}', cell {XlsxText.Cell(_nextColumn, RowNumber)}: {number} is not a number Excel can store.", nameof(value));
        StartCell(style, null);
        AppendNumber(number);
        return EndCell();
    }

    /// <summary>Writes a whole-number cell; null leaves the cell empty.</summary>
    public WorksheetWriter Integer(long? value, CellStyle style = CellStyle.Count)
    {
        if (value is not { } number) return Skip();
        StartCell(style, null);
        WriteValue(number);
        return EndCell();
    }

    /// <summary>Writes a text cell that links to an address given as an absolute URI, as <see cref="Uri.AbsoluteUri"/>
    /// writes it.</summary>
    public WorksheetWriter Link(string text, string absoluteUri)
    {
        string id = "rId" + (Relationships.Count + 1).ToString(CultureInfo.InvariantCulture);
        Relationships.Add(new PartRelationship(id, Namespaces.HyperlinkRel, absoluteUri, External: true));
        _hyperlinks.Add((XlsxText.Cell(_nextColumn, RowNumber), id));
        return Text(text, CellStyle.Hyperlink);
    }

    /// <summary>Merges a range of cells ("A1:F1").</summary>
    public void Merge(string range)
    {
        _merges.Add(range);
        // Wrapped text in a merged cell takes the width of the whole range.
        var (firstColumn, firstRow, lastColumn) = ParseRange(range);
        if (_rowOpen && firstRow == RowNumber) _rowMerges.Add((firstColumn, lastColumn));
    }

    /// <summary>Keeps rows on one printed page (a chart and its table): a page break is put before the first when the
    /// rows would otherwise start on one page and end on the next, and fit on a page of their own.</summary>
    public void KeepTogether(int firstRow, int lastRow) => _keepTogether.Add((firstRow, lastRow));

    private static (int FirstColumn, int FirstRow, int LastColumn) ParseRange(string range)
    {
        static (int Column, int Row) Parse(ReadOnlySpan<char> cell)
        {
            int column = 0, i = 0;
            for (; i < cell.Length && char.IsAsciiLetter(cell[i]); i++) column = column * 26 + (char.ToUpperInvariant(cell[i]) - 'A' + 1);
            return (column - 1, int.Parse(cell[i..], NumberStyles.None, CultureInfo.InvariantCulture));
        }
        int colon = range.IndexOf(':');
        var first = Parse(colon < 0 ? range : range.AsSpan(0, colon));
        var last = colon < 0 ? first : Parse(range.AsSpan(colon + 1));
        return (first.Column, first.Row, last.Column);
    }

    /// <summary>Adds an autofilter to a range (not needed on a sheet with a table).</summary>
    public void AutoFilter(string range) => _autoFilter = range;

    /// <summary>Shades a range with a two-colour scale from its lowest to its highest number.</summary>
    public void ColorScale(string range, string lowColor, string highColor)
    {
        int priority = _conditionalFormats.Count + 1;
        _conditionalFormats.Add(xml =>
        {
            xml.WriteStartElement("conditionalFormatting", Namespaces.Main);
            xml.WriteAttributeString("sqref", range);
            xml.WriteStartElement("cfRule", Namespaces.Main);
            xml.WriteAttributeString("type", "colorScale");
            xml.WriteAttributeString("priority", priority.ToString(CultureInfo.InvariantCulture));
            xml.WriteStartElement("colorScale", Namespaces.Main);
            foreach (string type in (string[])["min", "max"])
            {
                xml.WriteStartElement("cfvo", Namespaces.Main);
                xml.WriteAttributeString("type", type);
                xml.WriteEndElement();
            }
            foreach (string color in (string[])[lowColor, highColor])
            {
                xml.WriteStartElement("color", Namespaces.Main);
                xml.WriteAttributeString("rgb", color);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    /// <summary>Adds a data validation (a drop-down list and/or an input hint) to a range.</summary>
    public void Validate(DataValidationSpec validation) => _validations.Add(validation);

    /// <summary>Makes a range an Excel table with a header row, autofilter and banded rows.</summary>
    /// <param name="name">The table's name (letters, digits, underscores).</param>
    /// <param name="headers">The header texts, exactly as written in the header row.</param>
    /// <param name="firstRow">The header row's number.</param>
    /// <param name="lastRow">The last data row's number (at least <paramref name="firstRow"/> + 1).</param>
    public void Table(string name, IReadOnlyList<string> headers, int firstRow, int lastRow)
    {
        string range = $"A{firstRow.ToString(CultureInfo.InvariantCulture)}:{XlsxText.Cell(headers.Count - 1, Math.Max(lastRow, firstRow + 1))}";
        string id = "rId" + (Relationships.Count + 1).ToString(CultureInfo.InvariantCulture);
        string target = _document.AddTable(name, range, headers);
        Relationships.Add(new PartRelationship(id, Namespaces.TableRel, target));
        _tableRelationshipIds.Add(id);
    }

    /// <summary>Adds a native chart anchored over a cell range (zero-based columns and rows, the end exclusive).</summary>
    public void Chart(ChartSpec chart, int fromColumn, int fromRow, int toColumn, int toRow) =>
        _charts.Add((chart, new ChartAnchor(fromColumn, fromRow, toColumn, toRow)));

    private readonly List<(ChartSpec, ChartAnchor)> _charts = [];
    private int _lastWrittenColumn = -1;

    private void StartCell(CellStyle style, string? type)
    {
        if (!_rowOpen) throw new InvalidOperationException("Start a row before writing cells.");
        Append("<c");
        if (_nextColumn != _lastWrittenColumn + 1)
        {
            Append(" r=\"");
            AppendReference(_nextColumn, RowNumber);
            Append("\"");
        }
        if (style != CellStyle.Default)
        {
            Append(" s=\"");
            AppendInteger((int)style);
            Append("\"");
        }
        if (type is not null)
        {
            Append(" t=\"");
            Append(type);
            Append("\"");
        }
        Append("><v>");
    }

    private WorksheetWriter EndCell()
    {
        Append("</v></c>");
        _lastWrittenColumn = _nextColumn;
        _nextColumn++;
        return this;
    }

    private void WriteValue(long value) => AppendInteger(value);

    // A row's cells are built as characters (all ASCII: references, style and string indices, numbers) and handed to
    // the XmlWriter in one call, which is several times faster than an element call per cell on large sheets.
    private void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_row.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Appends a cell's A1 reference (<see cref="XlsxText.Cell"/>) without building it as a string: a row
    /// after an empty cell names its next cell, on most rows of a large sheet.</summary>
    private void AppendReference(int column, int row)
    {
        Reserve(XlsxText.MaxColumnLetters);
        _length += XlsxText.WriteColumnName(column, _row.AsSpan(_length));
        AppendInteger(row);
    }

    private void AppendInteger(long value)
    {
        Reserve(20);
        value.TryFormat(_row.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void AppendNumber(double value)
    {
        Reserve(32);
        value.TryFormat(_row.AsSpan(_length), out int written, "R", CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Reserve(int extra)
    {
        if (_length + extra > _row.Length) Array.Resize(ref _row, Math.Max(_row.Length * 2, _length + extra));
    }

    private void FlushRow()
    {
        if (!_rowOpen) return;
        Append("</row>");
        double height = RowHeight();
        int start = 0;
        foreach (char c in "<row r=\"") _rowStart[start++] = c;
        RowNumber.TryFormat(_rowStart.AsSpan(start), out int written, default, CultureInfo.InvariantCulture);
        start += written;
        if (height != TextFit.LineHeight || _rowHeight is not null)
        {
            foreach (char c in "\" ht=\"") _rowStart[start++] = c;
            // A sheet's rows take a few heights: each is formatted once ("0.##" is parsed on every call).
            if (!_heights.TryGetValue(height, out string? formatted))
                _heights[height] = formatted = height.ToString("0.##", CultureInfo.InvariantCulture);
            formatted.CopyTo(_rowStart.AsSpan(start));
            start += formatted.Length;
            foreach (char c in "\" customHeight=\"1") _rowStart[start++] = c;
        }
        _rowStart[start++] = '"';
        _rowStart[start++] = '>';
        WriteRaw(_rowStart, start);
        WriteRaw(_row, _length);
        _rowHeights.Add((float)height);
        _columns = Math.Max(_columns, _lastWrittenColumn + 1);
        _length = 0;
        _rowOpen = false;
        _wrapped.Clear();
        _rowMerges.Clear();
    }

    /// <summary>Writes characters of a row. Rows are ASCII (the rest is in the shared strings), so they go to the part's
    /// stream as bytes, past the XML writer's character-by-character raw output, once the writer has closed the
    /// <c>&lt;sheetData&gt;</c> start tag and handed on what it holds; nothing else is written until the sheet data ends.</summary>
    private void WriteRaw(char[] chars, int count)
    {
        if (!_rowsStarted)
        {
            _xml.WriteRaw("");
            _raw.HandOn(_xml);
            _rowsStarted = true;
        }
        if (_bytes.Length < count) _bytes = new byte[Math.Max(count, _bytes.Length * 2)];
        if (System.Text.Ascii.FromUtf16(chars.AsSpan(0, count), _bytes, out int written) != System.Buffers.OperationStatus.Done)
            throw new InvalidOperationException($"Sheet '{Name}', row {RowNumber}: a row's markup is not ASCII.");
        _raw.Write(_bytes, 0, written);
    }

    /// <summary>The current row's height in points: the height asked for, raised to what its wrapped text needs.</summary>
    private double RowHeight()
    {
        double height = _rowHeight ?? TextFit.LineHeight;
        foreach (var (column, text, style) in _wrapped)
        {
            double width = Layout.ColumnWidth(column);
            if (width == 0) continue; // hidden
            foreach (var (first, last) in _rowMerges)
            {
                if (first != column) continue;
                for (int c = first + 1; c <= last; c++) width += Layout.ColumnWidth(c);
            }
            // Larger text takes more of the width and taller lines.
            double size = style.RelativeSize();
            height = Math.Max(height, Lines(column, text, width / size, style.IsBold()) * TextFit.LineHeight * size);
        }
        return height;
    }

    /// <summary>The last text measured in each of the first columns, with its width, boldness and lines.</summary>
    private readonly (string? Text, double Width, bool Bold, int Lines)[] _lastFits = new (string?, double, bool, int)[32];

    /// <summary>The lines a wrapped cell's text takes (<see cref="TextFit.Lines"/>); a column repeating the very same
    /// string at the same width (a study's label on each of its findings' rows, a direction's label) is measured once.</summary>
    private int Lines(int column, string text, double width, bool bold)
    {
        if (column >= _lastFits.Length) return TextFit.Lines(text, width, bold);
        ref var last = ref _lastFits[column];
        if (!ReferenceEquals(last.Text, text) || last.Width != width || last.Bold != bold)
            last = (text, width, bold, TextFit.Lines(text, width, bold));
        return last.Lines;
    }

    private void WriteStart()
    {
        var xml = _xml;
        xml.WriteStartElement("worksheet", Namespaces.Main);
        xml.WriteAttributeString("xmlns", "r", null, Namespaces.Relationships);

        xml.WriteStartElement("sheetPr", Namespaces.Main);
        if (Layout.TabColor is { } tab)
        {
            xml.WriteStartElement("tabColor", Namespaces.Main);
            xml.WriteAttributeString("rgb", tab);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("pageSetUpPr", Namespaces.Main);
        xml.WriteAttributeString("fitToPage", "1");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheetViews", Namespaces.Main);
        xml.WriteStartElement("sheetView", Namespaces.Main);
        if (!Layout.ShowGridLines) xml.WriteAttributeString("showGridLines", "0");
        xml.WriteAttributeString("workbookViewId", "0");
        if (Layout.FrozenRows > 0)
        {
            string topLeft = XlsxText.Cell(0, Layout.FrozenRows + 1);
            xml.WriteStartElement("pane", Namespaces.Main);
            xml.WriteAttributeString("ySplit", Layout.FrozenRows.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("topLeftCell", topLeft);
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteStartElement("selection", Namespaces.Main);
            xml.WriteAttributeString("pane", "bottomLeft");
            xml.WriteAttributeString("activeCell", topLeft);
            xml.WriteAttributeString("sqref", topLeft);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheetFormatPr", Namespaces.Main);
        xml.WriteAttributeString("defaultRowHeight", "15");
        xml.WriteEndElement();

        int columns = Math.Max(Layout.ColumnWidths?.Count ?? 0, Layout.HiddenColumns is { Count: > 0 } hidden ? hidden.Max() + 1 : 0);
        if (columns > 0)
        {
            xml.WriteStartElement("cols", Namespaces.Main);
            for (int i = 0; i < columns; i++)
            {
                bool isHidden = Layout.HiddenColumns?.Contains(i) == true;
                xml.WriteStartElement("col", Namespaces.Main);
                xml.WriteAttributeString("min", (i + 1).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("max", (i + 1).ToString(CultureInfo.InvariantCulture));
                double width = Layout.ColumnWidths is { } widths && i < widths.Count ? widths[i] : SheetLayout.DefaultColumnWidth;
                xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
                if (isHidden) xml.WriteAttributeString("hidden", "1");
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("sheetData", Namespaces.Main);
    }

    /// <summary>Margins, A4 fitted to one page wide, the footer, and the page breaks that keep blocks whole.</summary>
    private void WritePrintSetup(XmlWriter xml)
    {
        static string Inches(double value) => value.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("pageMargins", Namespaces.Main);
        xml.WriteAttributeString("left", Inches(SheetLayout.SideMargin));
        xml.WriteAttributeString("right", Inches(SheetLayout.SideMargin));
        xml.WriteAttributeString("top", Inches(SheetLayout.EndMargin));
        xml.WriteAttributeString("bottom", Inches(SheetLayout.EndMargin));
        xml.WriteAttributeString("header", Inches(SheetLayout.FooterMargin));
        xml.WriteAttributeString("footer", Inches(SheetLayout.FooterMargin));
        xml.WriteEndElement();
        xml.WriteStartElement("pageSetup", Namespaces.Main);
        xml.WriteAttributeString("paperSize", "9");
        xml.WriteAttributeString("fitToWidth", "1");
        xml.WriteAttributeString("fitToHeight", "0");
        xml.WriteAttributeString("orientation", Layout.Landscape ? "landscape" : "portrait");
        xml.WriteEndElement();
        xml.WriteStartElement("headerFooter", Namespaces.Main);
        xml.WriteElementString("oddFooter", Namespaces.Main, SheetLayout.Footer);
        xml.WriteEndElement();
        var breaks = PageBreaks();
        if (breaks.Count == 0) return;
        xml.WriteStartElement("rowBreaks", Namespaces.Main);
        xml.WriteAttributeString("count", breaks.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("manualBreakCount", breaks.Count.ToString(CultureInfo.InvariantCulture));
        foreach (int row in breaks)
        {
            // A break's id is the last row above it.
            xml.WriteStartElement("brk", Namespaces.Main);
            xml.WriteAttributeString("id", (row - 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("max", "16383");
            xml.WriteAttributeString("man", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The rows that start a new page so that no block kept together straddles two pages, found by laying the
    /// rows out on pages as tall as the printable height at the scale that fits the used columns to the page's width.</summary>
    private List<int> PageBreaks()
    {
        var breaks = new List<int>();
        if (_keepTogether.Count == 0) return breaks;
        int columns = Math.Max(_columns, _charts.Count == 0 ? 0 : _charts.Max(c => c.Item2.ToColumn));
        double titles = 0;
        for (int row = 0; row < Layout.PrintTitleRows && row < _rowHeights.Count; row++) titles += _rowHeights[row];
        double page = Layout.PrintableHeight / Layout.PrintScale(columns) - titles;
        var blocks = _keepTogether.OrderBy(b => b.First).ToList();
        int next = 0;
        double used = 0;
        for (int row = 1; row <= _rowHeights.Count; row++)
        {
            while (next < blocks.Count && blocks[next].First == row)
            {
                double block = 0;
                for (int r = row; r <= Math.Min(blocks[next].Last, _rowHeights.Count); r++) block += _rowHeights[r - 1];
                if (used > 0 && used + block > page && block <= page)
                {
                    breaks.Add(row);
                    used = 0;
                }
                next++;
            }
            double height = _rowHeights[row - 1];
            if (used > 0 && used + height > page) used = 0; // the page breaks here by itself
            used += height;
        }
        return breaks;
    }

    /// <summary>Closes the sheet data and writes what follows it, in the order CT_Worksheet requires.</summary>
    internal void Finish()
    {
        var xml = _xml;
        FlushRow();
        xml.WriteEndElement(); // sheetData

        if (_autoFilter is not null)
        {
            xml.WriteStartElement("autoFilter", Namespaces.Main);
            xml.WriteAttributeString("ref", _autoFilter);
            xml.WriteEndElement();
        }
        if (_merges.Count > 0)
        {
            xml.WriteStartElement("mergeCells", Namespaces.Main);
            xml.WriteAttributeString("count", _merges.Count.ToString(CultureInfo.InvariantCulture));
            foreach (string range in _merges)
            {
                xml.WriteStartElement("mergeCell", Namespaces.Main);
                xml.WriteAttributeString("ref", range);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        foreach (var format in _conditionalFormats) format(xml);
        if (_validations.Count > 0)
        {
            xml.WriteStartElement("dataValidations", Namespaces.Main);
            xml.WriteAttributeString("count", _validations.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var validation in _validations) validation.Write(xml);
            xml.WriteEndElement();
        }
        if (_hyperlinks.Count > 0)
        {
            xml.WriteStartElement("hyperlinks", Namespaces.Main);
            foreach (var (reference, id) in _hyperlinks)
            {
                xml.WriteStartElement("hyperlink", Namespaces.Main);
                xml.WriteAttributeString("ref", reference);
                xml.WriteAttributeString("r", "id", Namespaces.Relationships, id);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        WritePrintSetup(xml);
        if (_charts.Count > 0)
        {
            string drawing = "rId" + (Relationships.Count + 1).ToString(CultureInfo.InvariantCulture);
            Relationships.Add(new PartRelationship(drawing, Namespaces.DrawingRel, _document.AddDrawing(_charts)));
            xml.WriteStartElement("drawing", Namespaces.Main);
            xml.WriteAttributeString("r", "id", Namespaces.Relationships, drawing);
            xml.WriteEndElement();
        }
        if (_tableRelationshipIds.Count > 0)
        {
            xml.WriteStartElement("tableParts", Namespaces.Main);
            xml.WriteAttributeString("count", _tableRelationshipIds.Count.ToString(CultureInfo.InvariantCulture));
            foreach (string id in _tableRelationshipIds)
            {
                xml.WriteStartElement("tablePart", Namespaces.Main);
                xml.WriteAttributeString("r", "id", Namespaces.Relationships, id);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement(); // worksheet
    }
}

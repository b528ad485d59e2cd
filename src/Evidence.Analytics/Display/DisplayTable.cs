using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A small table rendered both as an HTML table and as aligned plain text, with a row cap.</summary>
/// <remarks>Cells are plain text and are encoded when written as HTML. Rows beyond <see cref="MaxRows"/> are
/// replaced by a line saying how many were left out, so a large evidence base never floods a notebook.</remarks>
internal sealed class DisplayTable
{
    /// <summary>The default number of rows shown before the rest are summarised.</summary>
    public const int DefaultMaxRows = 50;

    private readonly string[] _columns;
    private readonly bool[] _numeric;
    private readonly List<string[]> _rows = [];
    private string[]? _total;

    /// <summary>Creates a table; a column whose name starts with '#' is numeric (right-aligned) and shown without the '#'.</summary>
    public DisplayTable(string caption, params string[] columns)
    {
        Caption = caption;
        _numeric = [.. columns.Select(c => c.StartsWith('#'))];
        _columns = [.. columns.Select(c => c.TrimStart('#'))];
    }

    /// <summary>The caption above the table; empty for none (when a heading already says what the table is).</summary>
    public string Caption { get; }

    /// <summary>The most rows shown.</summary>
    public int MaxRows { get; init; } = DefaultMaxRows;

    /// <summary>The number of data rows (shown or not).</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row; numbers are formatted with the invariant culture and thousands separators.</summary>
    public DisplayTable Add(params object?[] cells)
    {
        _rows.Add(Cells(cells));
        return this;
    }

    /// <summary>Sets the total row shown in bold under the data rows.</summary>
    public DisplayTable Total(params object?[] cells)
    {
        _total = Cells(cells);
        return this;
    }

    /// <summary>Writes the table as HTML.</summary>
    public void WriteHtml(StringBuilder html)
    {
        html.Append("<table class=\"ea-table\">");
        if (Caption.Length > 0)
            html.Append("<caption>").Append(HtmlFragment.Encode(Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        for (int c = 0; c < _columns.Length; c++)
            html.Append(_numeric[c] ? "<th class=\"ea-num\">" : "<th>").Append(HtmlFragment.Encode(_columns[c])).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (string[] row in _rows.Take(MaxRows))
            WriteHtmlRow(html, row, "");
        if (_rows.Count > MaxRows)
        {
            html.Append("<tr><td class=\"ea-more\" colspan=\"").Append(_columns.Length.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(HtmlFragment.Encode(MoreRows())).Append("</td></tr>");
        }
        if (_total is not null)
            WriteHtmlRow(html, _total, " class=\"ea-total\"");
        html.Append("</tbody></table>");
    }

    /// <summary>Writes the table as aligned plain text.</summary>
    public void WriteText(StringBuilder text)
    {
        var shown = _rows.Take(MaxRows).ToList();
        if (_total is not null)
            shown.Add(_total);
        int[] widths = [.. _columns.Select((name, c) => Math.Max(name.Length, shown.Count == 0 ? 0 : shown.Max(r => r[c].Length)))];
        if (Caption.Length > 0)
            text.Append(Caption).Append('\n');
        WriteTextRow(text, _columns, widths);
        text.Append("  ").Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (string[] row in _rows.Take(MaxRows))
            WriteTextRow(text, row, widths);
        if (_rows.Count > MaxRows)
            text.Append("  ").Append(MoreRows()).Append('\n');
        if (_total is not null)
            WriteTextRow(text, _total, widths);
    }

    private string MoreRows() => string.Create(CultureInfo.InvariantCulture, $"… {_rows.Count - MaxRows:N0} more rows not shown");

    private void WriteHtmlRow(StringBuilder html, string[] row, string rowClass)
    {
        html.Append("<tr").Append(rowClass).Append('>');
        for (int c = 0; c < row.Length; c++)
            html.Append(_numeric[c] ? "<td class=\"ea-num\">" : "<td>").Append(HtmlFragment.Encode(row[c])).Append("</td>");
        html.Append("</tr>");
    }

    private void WriteTextRow(StringBuilder text, string[] row, int[] widths)
    {
        text.Append("  ");
        for (int c = 0; c < row.Length; c++)
        {
            if (c > 0) text.Append("  ");
            text.Append(_numeric[c] ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
        }
        TrimEnd(text);
        text.Append('\n');
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
            text.Length--;
    }

    private string[] Cells(object?[] cells)
    {
        if (cells.Length != _columns.Length)
            throw new ArgumentException($"The table '{Caption}' has {_columns.Length} columns but a row has {cells.Length} cells.", nameof(cells));
        return [.. cells.Select(Cell)];
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        int n => n.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

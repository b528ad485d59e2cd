using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Workbook;

/// <summary>How the records of one sheet of <see cref="WorkbookFormat"/> become cells: one writer per column, looked up
/// by the format's canonical header so that the header row and the cells below it cannot drift apart.</summary>
/// <typeparam name="T">The record type of a row.</typeparam>
internal sealed class SheetMapping<T>
{
    private readonly Action<WorksheetWriter, T>[] _cells;

    /// <exception cref="InvalidOperationException">A column of the format has no writer, or a writer names no column.</exception>
    public SheetMapping(WorkbookSheet sheet, IReadOnlyDictionary<string, Action<WorksheetWriter, T>> cells)
    {
        Sheet = sheet;
        var missing = sheet.Columns.Where(c => !cells.ContainsKey(c.Header)).Select(c => c.Header).ToList();
        var unknown = cells.Keys.Where(h => sheet.Columns.All(c => c.Header != h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
            throw new InvalidOperationException(
                $"The {sheet.Name} writer does not match the workbook format: missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}].");
        _cells = sheet.Columns.Select(c => cells[c.Header]).ToArray();
    }

    /// <summary>The sheet of the workbook format.</summary>
    public WorkbookSheet Sheet { get; }

    /// <summary>The canonical headers, in format order.</summary>
    public IReadOnlyList<string> Headers => Sheet.Columns.Select(c => c.Header).ToArray();

    /// <summary>Writes the header row.</summary>
    public void WriteHeader(WorksheetWriter sheet)
    {
        sheet.Row();
        foreach (var column in Sheet.Columns) sheet.Text(column.Header, CellStyle.Header);
    }

    /// <summary>Writes one record as a row.</summary>
    public void WriteRow(WorksheetWriter sheet, T record)
    {
        sheet.Row();
        foreach (var cell in _cells) cell(sheet, record);
    }

    /// <summary>Column widths suited to each column's kind.</summary>
    public IReadOnlyList<double> Widths => Sheet.Columns.Select(Width).ToArray();

    private static double Width(WorkbookColumn column) => column.Header switch
    {
        "Title" or "Context" or "Mechanism" or "Outcome" => 60,
        "Authors" or "Name" or "Value" => 36,
        _ => column.Kind switch
        {
            ColumnKind.Text => 24,
            ColumnKind.Identifier => column.MultiValued ? 18 : 14,
            ColumnKind.Vocabulary => column.MultiValued ? 30 : 22,
            _ => Math.Max(10, column.Header.Length + 3),
        },
    };
}

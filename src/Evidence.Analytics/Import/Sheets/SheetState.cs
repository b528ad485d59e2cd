using System.Collections.Immutable;

namespace Evidence.Analytics.Import;

/// <summary>One sheet being imported: where it is, its header (which column holds which format column), the data rows
/// read and the rows with errors.</summary>
internal sealed class SheetState
{
    private readonly ImportContext _context;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkbookColumn> _format;
    private readonly List<int> _dataRows = [];
    private readonly HashSet<int> _rejected = [];
    private string?[] _headers = [];
    private bool[] _known = [];
    private readonly HashSet<int> _orphansReported = [];
    private int _rowsNotRead;

    public SheetState(ImportContext context, WorkbookSheet format, string file, string name)
    {
        _context = context;
        Format = format;
        _format = format.Columns.ToDictionary(c => c.Header, StringComparer.Ordinal);
        File = file;
        Name = name;
    }

    public WorkbookSheet Format { get; }

    /// <summary>The file the sheet is in (the workbook, or the sheet's CSV file).</summary>
    public string File { get; }

    /// <summary>The sheet's name as written in the file.</summary>
    public string Name { get; }

    public int HeaderRow { get; private set; }

    /// <summary>The rows of the file below the header: the data rows read, and the rows not read as rows of their own
    /// (taken into a cell by an unbalanced quote, or on a duplicate sheet), which count as reported.</summary>
    public int RowsRead => _dataRows.Count + _rowsNotRead;

    public int RowsImported => _dataRows.Count - _rejected.Count;

    /// <summary>Counts rows of the file that were not read as rows of their own as read and reported; the error that
    /// explains them is reported separately.</summary>
    public void AddRowsNotRead(int rows) => _rowsNotRead += rows;

    public SheetImportCounts Counts => new(Name, RowsRead, RowsImported);

    /// <summary>The format's definition of a column, by its canonical header.</summary>
    public WorkbookColumn Column(string header) => _format[header];

    /// <summary>The column index of a format column, or -1 when the sheet does not have it.</summary>
    public int ColumnOf(string header) => _columns.GetValueOrDefault(header, -1);

    /// <summary>The header as written in the file for a column index, or the column letter.</summary>
    public string HeaderAt(int column) =>
        column < _headers.Length && _headers[column] is { } header ? header : "column " + CellReference.Column(column);

    /// <summary>Maps the header row to the format's columns, reporting missing, duplicated and unknown headers.</summary>
    public void ReadHeader(RawRow row)
    {
        HeaderRow = row.Number;
        _headers = new string?[row.Cells.Length];
        _known = new bool[row.Cells.Length];
        var byKey = Format.Columns.ToDictionary(c => WorkbookFormat.HeaderKey(c.Header), StringComparer.Ordinal);
        for (int i = 0; i < row.Cells.Length; i++)
        {
            string? text = row.Cells[i].Text?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            _headers[i] = text;
            if (!byKey.TryGetValue(WorkbookFormat.HeaderKey(text), out var column))
            {
                string hint = NearestName.Of(text, Format.Columns.Select(c => c.Header)) is { } meant ? $" Did you mean '{meant}'?" : "";
                Problem(ProblemKind.UnknownColumn, ProblemSeverity.Warning, row.Number, i, text,
                    $"'{text}' is not a column of the {Format.Name} sheet, so its values are not imported;{hint} The columns are: {string.Join("; ", Format.Columns.Select(c => c.Header))}.");
            }
            else if (_columns.TryAdd(column.Header, i))
            {
                _known[i] = true;
            }
            else
            {
                Problem(ProblemKind.DuplicateColumn, ProblemSeverity.Error, row.Number, i, text,
                    $"The column '{column.Header}' appears twice (also in column {CellReference.Column(_columns[column.Header])}); keep one.");
            }
        }
        var unknown = Enumerable.Range(0, _headers.Length).Where(i => _headers[i] is not null && !_known[i]).ToList();
        foreach (var column in Format.Columns.Where(c => c.Required && !_columns.ContainsKey(c.Header)))
        {
            // A header that is a near miss for the missing column ("Autors") is most likely it, misspelt.
            string hint = unknown.FirstOrDefault(i => NearestName.Of(_headers[i]!, Format.Columns.Where(c => !_columns.ContainsKey(c.Header)).Select(c => c.Header)) == column.Header, -1) is int near and >= 0
                ? $"; column {CellReference.Column(near)} is headed '{_headers[near]}': did you mean '{column.Header}'?"
                : "";
            _context.Add(new ImportProblem(ProblemKind.MissingColumn, ProblemSeverity.Error, File, Name, row.Number, column.Header, null, null,
                $"The {Format.Name} sheet has no '{column.Header}' column, which is required ({column.Description}){hint}"));
        }
    }

    public void AddDataRow(int number) => _dataRows.Add(number);

    /// <summary>Reports formulas (warning), error values (error, and the cell then reads as blank) and values in columns
    /// without a header (warning, once per column).</summary>
    public void CheckCells(RawRow row)
    {
        var cells = row.Cells;
        for (int i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (cell.Flags == CellFlags.None && cell.IsBlank) continue;
            if (i >= _known.Length || !_known[i])
            {
                if ((i >= _headers.Length || _headers[i] is null) && !cell.IsBlank && _orphansReported.Add(i))
                    Problem(ProblemKind.UnknownColumn, ProblemSeverity.Warning, row.Number, i, cell.Text,
                        $"Column {CellReference.Column(i)} has values but no header, so they are not imported; give it a header from the format or clear it.");
                continue;
            }
            if ((cell.Flags & CellFlags.Nul) != 0)
            {
                Problem(ProblemKind.Encoding, ProblemSeverity.Error, row.Number, i, cell.Text?.Replace('\0', '\uFFFD'),
                    CsvRecordReader.NulMessage);
                cells[i] = default;
            }
            else if ((cell.Flags & CellFlags.Error) != 0)
            {
                Problem(ProblemKind.CellError, ProblemSeverity.Error, row.Number, i, cell.Text,
                    $"The cell shows the Excel error {cell.Text}; correct the formula or type the value.");
                cells[i] = default;
            }
            else if ((cell.Flags & CellFlags.Formula) != 0)
            {
                Problem(ProblemKind.Formula, ProblemSeverity.Warning, row.Number, i, cell.Text,
                    cell.Text is null
                        ? "The cell holds a formula with no saved value, so it reads as blank; open the workbook in Excel and save it, or type the value."
                        : $"The cell holds a formula; its last calculated value '{cell.Text}' is used. Type the value if it should not change.");
            }
        }
    }

    /// <summary>Whether a row number is one of this sheet's data rows.</summary>
    public bool IsDataRow(int number) => _dataRows.BinarySearch(number) >= 0;

    /// <summary>Records a problem at a cell (or a row when <paramref name="column"/> is negative); an error rejects the row.</summary>
    public void Problem(ProblemKind kind, ProblemSeverity severity, int row, int column, string? value, string message)
    {
        string? header = column >= 0 ? HeaderAt(column) : null;
        string? cell = column >= 0 ? CellReference.Of(row, column) : null;
        _context.Add(new ImportProblem(kind, severity, File, Name, row, header, cell, value, message));
        if (severity == ProblemSeverity.Error && IsDataRow(row)) _rejected.Add(row);
    }

    /// <summary>Reports merged ranges: each one is an error on its first row and on every data row below it that it
    /// covers, each at that row's cell of the range.</summary>
    public void ReportMerged(IReadOnlyList<MergedRange> ranges)
    {
        foreach (var range in ranges)
        {
            string first = CellReference.Of(range.FirstRow, range.FirstColumn);
            Problem(ProblemKind.MergedCells, ProblemSeverity.Error, range.FirstRow, range.FirstColumn, range.ToString(),
                $"Cells {range} are merged, so only {first} holds a value; unmerge them and fill in every row.");
            for (int row = range.FirstRow + 1; row <= range.LastRow; row++)
            {
                if (!IsDataRow(row)) continue;
                Problem(ProblemKind.MergedCells, ProblemSeverity.Error, row, range.FirstColumn, range.ToString(),
                    $"Cells {range} are merged, so {CellReference.Of(row, range.FirstColumn)} is blank although it shows {first}'s value; unmerge them and fill in every row.");
            }
        }
    }

    /// <summary>Reports a CSV record's quoted values that span lines (a warning) or whose quotes are unbalanced (an error,
    /// and the lines taken into the cell count as rows read and reported).</summary>
    public void CheckQuoting(RawRow row, IReadOnlyList<QuotedValue> quoted)
    {
        foreach (var value in quoted)
        {
            Problem(value.IsUnbalanced ? ProblemKind.UnbalancedQuote : ProblemKind.MultiLineValue,
                value.IsUnbalanced ? ProblemSeverity.Error : ProblemSeverity.Warning, row.Number, value.Column, value.FirstLineOf(row), value.Describe());
            if (!value.IsUnbalanced) continue;
            _rowsNotRead += value.LinesTakenIn;
            // The lines the quote took in are reported above; keep only the value's own line, so that later problems
            // with this cell (and a header made of it) quote what is on that line, not the rest of the file.
            if (value.Column < row.Cells.Length) row.Cells[value.Column] = row.Cells[value.Column] with { Text = QuotedValue.OpeningLine(row.Cells[value.Column].Text) };
        }
    }

    public ImmutableArray<string?> Headers => [.. _headers];
}

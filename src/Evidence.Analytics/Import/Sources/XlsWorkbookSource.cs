using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Evidence.Analytics.Import;

/// <summary>Reads the sheets of a legacy .xls (BIFF) workbook with ExcelDataReader.</summary>
/// <remarks>An .xls workbook holds at most 65,536 rows a sheet, so its sheets are read into memory at once
/// (ExcelDataReader reads sheets in order only). ExcelDataReader gives formulas' cached values but does not say which
/// cells hold formulas, so the formula warning is not available for .xls; merged ranges are.</remarks>
internal sealed class XlsWorkbookSource : WorkbookSource
{
    private readonly Dictionary<string, (List<RawRow> Rows, List<MergedRange> Merged)> _sheets = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    // BIFF8 (Excel 97–2003) sheets hold at most 65,536 rows of 256 columns. A damaged dimensions record can claim more,
    // and reading billions of blank cells would take minutes: such a file is refused.
    private const int MaxRows = 65_536, MaxColumns = 256;

    static XlsWorkbookSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static WorkbookUnreadableException Damaged(string sheet, FormattableString reason) =>
        new(ProblemKind.UnreadableFile, $"The file cannot be read as an .xls workbook: sheet '{sheet}' is damaged ({reason.ToString(CultureInfo.InvariantCulture)}).");

    public XlsWorkbookSource(Stream stream, string file, ImportOptions options) : base(file)
    {
        long cells = 0;
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
            do
            {
                string name = reader.Name;
                if (reader.FieldCount > MaxColumns)
                    throw Damaged(name, $"it declares {reader.FieldCount:N0} columns, and an .xls sheet has at most {MaxColumns}");
                var rows = new List<RawRow>();
                int number = 0;
                while (reader.Read())
                {
                    if (++number > MaxRows) throw Damaged(name, $"it has more than the {MaxRows:N0} rows an .xls sheet can hold");
                    var cellsOfRow = new RawCell[reader.FieldCount];
                    for (int i = 0; i < cellsOfRow.Length; i++)
                    {
                        cellsOfRow[i] = ToCell(reader.GetValue(i));
                        if (cellsOfRow[i].Text is not null && ++cells > options.MaxCells)
                            throw new WorkbookUnreadableException(ProblemKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"The workbook is refused: it holds more than {options.MaxCells:N0} cells."));
                    }
                    rows.Add(new RawRow(number, cellsOfRow));
                }
                // A damaged record can end a sheet early, after which its remaining rows would be lost without a word.
                if (number < reader.RowCount)
                    throw Damaged(name, $"it declares {reader.RowCount:N0} rows, but only {number:N0} could be read");
                var merged = (reader.MergeCells ?? []).Select(m => new MergedRange(m.FromRow + 1, m.FromColumn, m.ToRow + 1, m.ToColumn)).ToList();
                if (!_sheets.TryAdd(name, (rows, merged))) throw Damaged(name, $"the workbook has a second sheet of this name");
                _names.Add(name);
            }
            while (reader.NextResult());
        }
        catch (Exception e) when (e is not WorkbookUnreadableException)
        {
            stream.Dispose();
            // ExcelDataReader parses untrusted bytes and throws whatever a damaged structure leads it to (its own
            // exceptions, but also IndexOutOfRange, NullReference, Overflow, EndOfStream or an absurd allocation):
            // every one of them means the file cannot be read, and none may reach the user as a crash.
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile,
                $"The file cannot be read as an .xls workbook: it is damaged or is not an Excel 97–2003 workbook ({Describe(e)}).", e);
        }
    }

    /// <summary>ExcelDataReader's own messages say what it found; the runtime's (an index out of range) only that it failed.</summary>
    private static string Describe(Exception e) =>
        e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException or IOException
            ? WorkbookUnreadableException.Reason(e)
            : "its structure is inconsistent";

    private static RawCell ToCell(object? value) => value switch
    {
        null => default,
        string text => new RawCell(text),
        double number => new RawCell(number.ToString("R", CultureInfo.InvariantCulture)),
        bool flag => new RawCell(flag ? "TRUE" : "FALSE"),
        DateTime date => new RawCell(date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), CellFlags.Date),
        IFormattable formattable => new RawCell(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => new RawCell(value.ToString()),
    };

    public override IReadOnlyList<string> SheetNames => _names;

    public override SheetSource OpenSheet(string name) => new XlsSheet(File, name, _sheets[name].Rows, _sheets[name].Merged);

    private sealed class XlsSheet(string file, string name, List<RawRow> rows, List<MergedRange> merged) : SheetSource(file, name)
    {
        public override IEnumerable<RawRow> ReadRows() => rows;

        public override IReadOnlyList<MergedRange> MergedRanges => merged;
    }
}

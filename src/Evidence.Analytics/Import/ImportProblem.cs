using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>What is wrong with a cell, a row, a sheet or a whole file found by the workbook import.</summary>
/// <remarks>The README's "Import problems" section describes each kind with an example; keep the two in step.</remarks>
public enum ProblemKind
{
    /// <summary>The file cannot be opened or is not a workbook, a CSV file or a folder of CSV files.</summary>
    UnreadableFile,
    /// <summary>The file is absurdly large once decompressed (a "zip bomb") or holds too many cells to import safely.</summary>
    TooLarge,
    /// <summary>A required sheet (or its CSV file) is missing.</summary>
    MissingSheet,
    /// <summary>A required column is missing from a sheet's header row.</summary>
    MissingColumn,
    /// <summary>Two header cells of a sheet name the same column.</summary>
    DuplicateColumn,
    /// <summary>A column header is not part of the workbook format; its values are not imported (a warning).</summary>
    UnknownColumn,
    /// <summary>A required value is blank.</summary>
    MissingValue,
    /// <summary>A value is not in its controlled vocabulary; the message lists the accepted values.</summary>
    UnknownVocabulary,
    /// <summary>An identifier (or a PRISMA stage that may appear only once) is used by two rows.</summary>
    DuplicateId,
    /// <summary>A reference does not resolve: a finding's study or intervention, or a study's intervention, is not defined,
    /// or a finding names an intervention its study does not evaluate.</summary>
    UnknownReference,
    /// <summary>A year lies outside 1900–2100.</summary>
    YearOutOfRange,
    /// <summary>A number column holds something that is not a number (or not a whole number where one is required).</summary>
    NotANumber,
    /// <summary>A count is negative.</summary>
    NegativeCount,
    /// <summary>A value has the right type but is not acceptable (a yes/no cell that says neither, an interval that does not
    /// contain its estimate, an effect without a metric).</summary>
    InvalidValue,
    /// <summary>Cells are merged: only the first cell of a merged range holds a value, so the rows below would silently lose it.</summary>
    MergedCells,
    /// <summary>A cell holds a formula; its cached (last calculated) value is used (a warning).</summary>
    Formula,
    /// <summary>A cell shows an Excel error value such as #N/A or #REF!.</summary>
    CellError,
    /// <summary>The PRISMA flow counts do not add up (a warning on the Flow sheet).</summary>
    FlowInconsistency,
    /// <summary>A CSV file is not valid UTF-8 and was read as Windows-1252, or has no byte-order mark but is UTF-16 (a
    /// warning); or a cell holds a NUL character, which text never does (an error).</summary>
    Encoding,
    /// <summary>A sheet of the format that this version does not import yet; its rows are not imported (a warning).</summary>
    SheetNotImported,
    /// <summary>An optional cell holds a blank marker ("NULL", "N/A", "-", …) and is read as blank (a warning; in a
    /// required cell the marker is a <see cref="MissingValue"/> error).</summary>
    BlankMarker,
    /// <summary>A vocabulary cell names a related construct that the built-in vocabulary counts as a broader term
    /// ("Loneliness" as the outcome domain Social connection): a warning, once per sheet, column and spelling.</summary>
    RelatedConstruct,
    /// <summary>Two sheets (or CSV files) are the same sheet of the format once their names are normalised ("Findings" and
    /// "findings "); neither is guessed at, and the second's rows are counted as reported.</summary>
    DuplicateSheet,
    /// <summary>A required sheet has no data rows (only its header, or nothing at all).</summary>
    EmptySheet,
    /// <summary>A quoted CSV value spans several lines of the file (legal, as in a note with a line break; a warning
    /// naming the lines, since a stray quote looks the same).</summary>
    MultiLineValue,
    /// <summary>A CSV quote is never closed, closes in the middle of a value, or takes in lines that look like rows: lines
    /// were merged into one cell. The lines taken in are counted as rows read and reported.</summary>
    UnbalancedQuote,
    /// <summary>An .xlsx sheet gives one cell twice in a row (two <c>&lt;c r="B5"&gt;</c> elements, which Excel never writes),
    /// so which value was meant is unknown.</summary>
    DuplicateCell,
    /// <summary>A reference file's record is malformed: a RIS record without the <c>ER  -</c> line that ends it, or a line
    /// outside any record (before its <c>TY  -</c> line) that is therefore not imported.</summary>
    MalformedRecord,
}

/// <summary>How serious an import problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The row (or file) cannot be imported as it is; the import yields no evidence base.</summary>
    Error,
    /// <summary>The import went ahead, but the reader should know (a formula's cached value was used, a column was ignored).</summary>
    Warning,
}

/// <summary>One problem found while importing a workbook, located as precisely as possible.</summary>
/// <remarks>Locations are what a person sees in Excel: the sheet tab, the row number at the left (the header row is
/// row 1 in the template), the column header and the cell reference ("C7"). For a CSV file, the row is the record
/// number as Excel shows it when it opens the file.</remarks>
public sealed partial class ImportProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="kind">What is wrong.</param>
    /// <param name="severity">Error or warning.</param>
    /// <param name="file">The file (workbook or CSV file) the problem is in.</param>
    /// <param name="sheet">The sheet, or null for a problem with the whole file.</param>
    /// <param name="row">The row number as Excel shows it, or null for a problem with a whole sheet.</param>
    /// <param name="column">The column header, or null.</param>
    /// <param name="cell">The cell reference ("C7"), or null.</param>
    /// <param name="value">The offending value as written, or null.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public ImportProblem(ProblemKind kind, ProblemSeverity severity, string file, string? sheet, int? row, string? column, string? cell, string? value, string message)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Kind = kind;
        Severity = severity;
        File = file;
        Sheet = sheet;
        Row = row;
        Column = column;
        Cell = cell;
        Value = value;
        Message = message;
    }

    /// <summary>What is wrong.</summary>
    public ProblemKind Kind { get; }

    /// <summary>Error (the row is not imported) or warning.</summary>
    public ProblemSeverity Severity { get; }

    /// <summary>Whether this is an error.</summary>
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>The file the problem is in (the workbook, or the CSV file of the sheet).</summary>
    public string File { get; }

    /// <summary>The sheet, or null for a problem with the whole file.</summary>
    public string? Sheet { get; }

    /// <summary>The row number as Excel shows it, or null for a problem with a whole sheet.</summary>
    public int? Row { get; }

    /// <summary>The column header, or null.</summary>
    public string? Column { get; }

    /// <summary>The cell reference ("C7"), or null.</summary>
    public string? Cell { get; }

    /// <summary>The offending value as written, or null.</summary>
    public string? Value { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Message { get; }

    /// <summary>The location: "Studies, row 7, column 'Design' (F7)", or as much of it as is known.</summary>
    public string Location
    {
        get
        {
            var text = new StringBuilder();
            if (Sheet is not null) text.Append(Sheet);
            if (Row is { } row) text.Append(CultureInfo.InvariantCulture, $"{(text.Length > 0 ? ", " : "")}row {row}");
            if (Column is not null) text.Append(CultureInfo.InvariantCulture, $"{(text.Length > 0 ? ", " : "")}column '{Column}'");
            if (Cell is not null) text.Append(CultureInfo.InvariantCulture, $" ({Cell})");
            return text.ToString();
        }
    }

    /// <summary>"error: studies.xlsx: Studies, row 7, column 'Design' (F7): 'RTC' is not a known design; expected one of: …".</summary>
    public override string ToString()
    {
        string where = Location;
        return $"{(IsError ? "error" : "warning")}: {File}: {(where.Length > 0 ? where + ": " : "")}{Message}";
    }
}

using System.Collections.Immutable;
using System.Text;

namespace Evidence.Analytics.Tests.Import.Integrity;

/// <summary>What must come of an input, known by construction.</summary>
internal enum Outcome
{
    /// <summary>Read (exit 0 or 1): rows read = the file's data rows = imported + reported, and the planted problems are reported where they were planted.</summary>
    Readable,
    /// <summary>Refused: exit 2, one problem of one sentence, no evidence.</summary>
    Unreadable,
    /// <summary>Refused as <see cref="Unreadable"/>, or read exactly as the undamaged sample (the fault hit bytes nothing reads).</summary>
    UnreadableOrUnchanged,
    /// <summary>Read exactly as the undamaged sample (a harmless change: line endings, a byte-order mark).</summary>
    Unchanged,
    /// <summary>Refused as <see cref="Unreadable"/>, or read as <see cref="Readable"/> with a problem naming the damaged sheet.</summary>
    Flagged,
}

internal enum InputForm { Xlsx, Csv }

/// <summary>A problem the import must report: on this sheet and row, and, when given, in this column (the header as
/// written) and cell; an error, or when <see cref="ErrorOnly"/> is false an error or a warning.</summary>
internal sealed record PlantedProblem(string Sheet, int Row, string? Column = null, string? Cell = null, bool ErrorOnly = true)
{
    public bool IsMetBy(ImportProblem problem) =>
        problem.Sheet == Sheet && problem.Row == Row
        && (Column is null || problem.Column == Column)
        && (Cell is null || problem.Cell == Cell)
        && (!ErrorOnly || problem.IsError);

    public override string ToString() =>
        $"{(ErrorOnly ? "error" : "problem")} at {Sheet}, row {Row}{(Column is null ? "" : $", column '{Column}'")}{(Cell is null ? "" : $" ({Cell})")}";
}

/// <summary>The expected outcome of one input.</summary>
internal sealed record Expected(Outcome Outcome)
{
    /// <summary>Problems that must be reported at their location.</summary>
    public ImmutableArray<PlantedProblem> Problems { get; init; } = [];

    /// <summary>Words one error must contain (in its sheet, file and message together), e.g. both names of a duplicated sheet.</summary>
    public ImmutableArray<string> Mentions { get; init; } = [];

    /// <summary>Sheets that must have an error of their own, not tied to a data row (no row, or the header row).</summary>
    public ImmutableArray<string> SheetErrors { get; init; } = [];

    /// <summary>Sheets that must have a problem of some kind, error or warning.</summary>
    public ImmutableArray<string> SheetNotices { get; init; } = [];

    public static Expected At(PlantedProblem problem) => new(Outcome.Readable) { Problems = [problem] };
}

/// <summary>One input of the corpus: a workbook's bytes or a CSV folder's files, what was done to it, and what must come of it.</summary>
/// <param name="Family">cell, sheet, byte, csv or control.</param>
/// <param name="Kind">The fault kind, the unit failures are grouped by ("blank marker in a required vocabulary cell").</param>
/// <param name="Form">xlsx or CSV.</param>
/// <param name="Name">This input's fault, precisely enough to reproduce it ("Findings E14 'Direction' = 'N/A'").</param>
/// <param name="Expected">What must come of it.</param>
internal sealed record CorpusInput(string Family, string Kind, InputForm Form, string Name, Expected Expected)
{
    public byte[]? Workbook { get; init; }

    public IReadOnlyDictionary<string, byte[]>? CsvFiles { get; init; }

    /// <summary>Data rows per sheet counted from the file itself (by <see cref="XlsxPackage.DataRows"/> or from the CSV
    /// lines), for inputs that must be readable; null otherwise.</summary>
    public IReadOnlyDictionary<string, int>? FileRows { get; init; }

    public string Group => $"{Family}: {Kind} ({(Form == InputForm.Xlsx ? "xlsx" : "csv")})";

    public static CorpusInput Xlsx(string family, string kind, string name, byte[] workbook, Expected expected) =>
        new(family, kind, InputForm.Xlsx, name, expected)
        {
            Workbook = workbook,
            FileRows = expected.Outcome is Outcome.Readable or Outcome.Flagged ? XlsxPackage.DataRows(workbook) : null,
        };

    /// <summary>A CSV folder from the sample's files with some replaced (text as UTF-8, or bytes) or removed (null).</summary>
    public static CorpusInput Csv(string family, string kind, string name, IReadOnlyDictionary<string, object?> changes, Expected expected)
    {
        var files = CorpusSample.Csv.ToDictionary(f => f.Key, f => (object?)f.Value, StringComparer.Ordinal);
        foreach (var (file, content) in changes) files[file] = content;
        var bytes = files.Where(f => f.Value is not null).ToDictionary(
            f => f.Key, f => f.Value is string text ? new UTF8Encoding(false).GetBytes(text) : (byte[])f.Value!, StringComparer.Ordinal);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        // Files are read in ordinal order of their names; a second file of the same sheet is a duplicate, whose rows the
        // import counts under the file's own name.
        foreach (var (file, content) in files.Where(f => f.Value is not null).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            int lines = CsvText.DataLines(content as string ?? LinesText((byte[])content!));
            if (!rows.TryAdd(CorpusSample.SheetOf(file), lines)) rows[file] = lines;
        }
        return new(family, kind, InputForm.Csv, name, expected) { CsvFiles = bytes, FileRows = rows };
    }

    /// <summary>The text whose lines are counted for a file given as bytes: UTF-16 when it has a byte-order mark or every other
    /// byte is zero (as in the UTF-16 faults), else Latin-1, which keeps every byte a character and every line break where it was.</summary>
    private static string LinesText(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [_, 0, _, 0, ..]) return Encoding.Unicode.GetString(bytes);
        if (bytes is [0, _, 0, _, ..]) return Encoding.BigEndianUnicode.GetString(bytes);
        return Encoding.Latin1.GetString(bytes);
    }
}

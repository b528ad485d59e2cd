using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How many rows of one sheet were read, imported and reported.</summary>
/// <param name="Sheet">The sheet name ("Studies").</param>
/// <param name="RowsRead">The sheet's rows below the header, counted as the file has them: every non-empty data row,
/// including the lines of a CSV file that an unbalanced quote merged into one cell, and the rows of a duplicate sheet
/// that was not read (both are counted as reported). The header and empty rows are not counted.</param>
/// <param name="RowsImported">Rows imported: read and without errors.</param>
/// <remarks>Nothing is dropped silently: <c>RowsRead = RowsImported + RowsReported</c>, and every reported row has at
/// least one error in <see cref="ImportResult.Problems"/>.</remarks>
public sealed partial record SheetImportCounts(string Sheet, int RowsRead, int RowsImported)
{
    /// <summary>Rows not imported because they have at least one error.</summary>
    public int RowsReported => RowsRead - RowsImported;

    /// <summary>"Studies: 33 read, 33 imported, 0 reported".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Sheet}: {RowsRead:N0} read, {RowsImported:N0} imported, {RowsReported:N0} reported");
}

/// <summary>The outcome of importing a workbook: the evidence base if the workbook has no errors, and every problem found.</summary>
/// <remarks>The import never stops at the first problem: <see cref="Problems"/> lists all of them, errors first in
/// sheet and row order. Warnings (a formula's cached value was used, an unknown column was ignored) do not prevent
/// the import. Modelled on NodaTime's <c>ParseResult</c>: check <see cref="IsValid"/>, or call
/// <see cref="GetEvidenceOrThrow"/>.</remarks>
public sealed partial class ImportResult
{
    internal ImportResult(string file, EvidenceBase? evidence, ImmutableArray<ImportProblem> problems, ImmutableArray<SheetImportCounts> sheets)
    {
        File = file;
        Evidence = evidence;
        Problems = problems;
        Sheets = sheets;
    }

    /// <summary>The file or folder imported.</summary>
    public string File { get; }

    /// <summary>The evidence base, or null when the workbook has errors.</summary>
    public EvidenceBase? Evidence { get; }

    /// <summary>Every problem found, errors and warnings, in sheet and row order.</summary>
    public ImmutableArray<ImportProblem> Problems { get; }

    /// <summary>The errors among <see cref="Problems"/>.</summary>
    public IEnumerable<ImportProblem> Errors => Problems.Where(p => p.IsError);

    /// <summary>The warnings among <see cref="Problems"/>.</summary>
    public IEnumerable<ImportProblem> Warnings => Problems.Where(p => !p.IsError);

    /// <summary>Whether the import succeeded: no errors (there may be warnings), so <see cref="Evidence"/> is set.</summary>
    public bool IsValid => Evidence is not null;

    /// <summary>Row counts per sheet read, in workbook order.</summary>
    public ImmutableArray<SheetImportCounts> Sheets { get; }

    /// <summary>Data rows read over all sheets.</summary>
    public int RowsRead => Sheets.Sum(s => s.RowsRead);

    /// <summary>Data rows imported over all sheets.</summary>
    public int RowsImported => Sheets.Sum(s => s.RowsImported);

    /// <summary>Data rows reported (not imported because they have errors) over all sheets.</summary>
    public int RowsReported => Sheets.Sum(s => s.RowsReported);

    /// <summary>The evidence base, or an exception listing every error.</summary>
    /// <exception cref="EvidenceImportException">The workbook has errors.</exception>
    public EvidenceBase GetEvidenceOrThrow() => Evidence ?? throw new EvidenceImportException(File, Problems);

    /// <summary>"sample.xlsx: valid, 120 rows imported, 1 warning" or "sample.xlsx: 3 errors, 1 warning".</summary>
    public override string ToString()
    {
        int errors = Errors.Count(), warnings = Problems.Length - errors;
        string Plural(int n, string word) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {word}{(n == 1 ? "" : "s")}");
        return IsValid
            ? $"{File}: valid, {Plural(RowsImported, "row")} imported, {Plural(warnings, "warning")}"
            : $"{File}: {Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(RowsReported, "row")} of {RowsRead.ToString("N0", CultureInfo.InvariantCulture)} reported";
    }
}

/// <summary>Thrown by <see cref="ImportResult.GetEvidenceOrThrow"/> when a workbook has errors; the message lists them all.</summary>
public sealed class EvidenceImportException : Exception
{
    /// <summary>Creates the exception for a file and its problems.</summary>
    public EvidenceImportException(string file, IEnumerable<ImportProblem> problems)
        : this(file, problems?.ToImmutableArray() ?? throw new ArgumentNullException(nameof(problems)))
    {
    }

    private EvidenceImportException(string file, ImmutableArray<ImportProblem> problems)
        : base(BuildMessage(file, problems))
    {
        File = file;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EvidenceImportException() : this("(unknown file)", ImmutableArray<ImportProblem>.Empty) { }

    /// <summary>Creates the exception with a message only.</summary>
    public EvidenceImportException(string message) : base(message)
    {
        File = "(unknown file)";
        Problems = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EvidenceImportException(string message, Exception innerException) : base(message, innerException)
    {
        File = "(unknown file)";
        Problems = [];
    }

    /// <summary>The file that failed to import.</summary>
    public string File { get; }

    /// <summary>Every problem found (errors and warnings).</summary>
    public ImmutableArray<ImportProblem> Problems { get; }

    private static string BuildMessage(string file, ImmutableArray<ImportProblem> problems)
    {
        var errors = problems.Where(p => p.IsError).ToList();
        return $"{file} cannot be imported: {errors.Count.ToString(CultureInfo.InvariantCulture)} error{(errors.Count == 1 ? "" : "s")}."
            + string.Concat(errors.Select(e => Environment.NewLine + e));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Evidence.Analytics.Import;

namespace Evidence.Analytics;

/// <summary>Reads two screeners' include/exclude decisions from a CSV file or a workbook sheet and measures their agreement.</summary>
/// <remarks>
/// <para>The layout is one row per decision with three columns, found by heading in any order (other columns are ignored):
/// the record id ("record id", "record", "id", "citation id"), the screener ("screener", "reviewer", "rater") and the
/// decision ("decision", "vote"). Decisions accept <see cref="ScreeningDecisions.Vocabulary"/> spellings ("include",
/// "Excluded", "yes", "0").</para>
/// <para>A workbook is read from its sheet named "Screening" or "Decisions", otherwise its first sheet. The first screener
/// in the file is the table's "first" screener.</para>
/// <para>Files are read by the same sources as evidence workbooks (<see cref="EvidenceWorkbook"/>), with the same
/// <see cref="ImportOptions"/> limits (uncompressed size, compression ratio, cells), the same refusal of damaged,
/// truncated and wrongly typed files (one <see cref="ProblemKind.UnreadableFile"/> or <see cref="ProblemKind.TooLarge"/>
/// problem), and problems located the same way: file, sheet, row, column heading, cell and value.</para>
/// </remarks>
public static class ScreeningFile
{
    private enum Field { Record, Screener, Decision }

    private static readonly Vocabulary<Field> Headings = new("screening column",
    [
        (Field.Record, "record id", ["record", "id", "record no", "record number", "citation id", "citation", "reference id", "ref id", "ref", "key"]),
        (Field.Screener, "screener", ["reviewer", "rater", "coder", "screener name", "screener id", "reviewer name", "user"]),
        (Field.Decision, "decision", ["vote", "screening decision", "include exclude", "label", "judgement", "judgment"]),
    ]);

    /// <summary>Reads a .csv, .tsv, .txt, .xlsx or .xls file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="level">The confidence level for κ's interval.</param>
    /// <param name="options">Size limits (and the encoding of a CSV file); null for the defaults.</param>
    /// <remarks>A file that is missing or cannot be opened is a <see cref="ProblemKind.UnreadableFile"/> problem.</remarks>
    public static ScreeningImport Read(string path, double level = 0.95, ImportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Proportion.CheckLevel(level);
        options ??= ImportOptions.Default;
        string file = Path.GetFileName(path);
        if (!File.Exists(path)) return Refused(file, ProblemKind.UnreadableFile, $"There is no file '{path}'.");
        return Read(file, level, options, () =>
        {
            var stream = WorkbookSource.OpenFile(path);
            if (!IsText(file)) return WorkbookSource.OpenWorkbook(stream, file, options);
            using (stream) return new CsvWorkbookSource(stream, file, options);
        });
    }

    /// <summary>Reads from a stream; the file name decides the format (.csv/.tsv/.txt as text, otherwise a workbook,
    /// recognised by its content) and appears in problems.</summary>
    /// <param name="stream">The content; read to the end but not closed.</param>
    /// <param name="fileName">The file's name.</param>
    /// <param name="level">The confidence level for κ's interval.</param>
    /// <param name="options">Size limits (and the encoding of a CSV file); null for the defaults.</param>
    public static ScreeningImport Read(Stream stream, string fileName, double level = 0.95, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Proportion.CheckLevel(level);
        options ??= ImportOptions.Default;
        return Read(fileName, level, options, () => IsText(fileName)
            ? new CsvWorkbookSource(stream, fileName, options)
            : WorkbookSource.OpenWorkbookCopy(stream, fileName, options));
    }

    private static bool IsText(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".tsv" or ".txt";

    private static ScreeningImport Refused(string file, ProblemKind kind, string message) =>
        new([], [new ImportProblem(kind, ProblemSeverity.Error, file, null, null, null, null, null, message)], null);

    /// <summary>Reads the decisions sheet's rows through a workbook source, then parses them.</summary>
    private static ScreeningImport Read(string file, double level, ImportOptions options, Func<WorkbookSource> open)
    {
        var rows = new List<RawRow>();
        SheetSource sheet;
        string? sheetName;
        var opening = new List<ImportProblem>();
        try
        {
            using var source = open();
            string? name = source.SheetNames.FirstOrDefault(n => n.Equals("Screening", StringComparison.OrdinalIgnoreCase) || n.Equals("Decisions", StringComparison.OrdinalIgnoreCase))
                ?? (source.SheetNames.Count > 0 ? source.SheetNames[0] : null);
            if (name is null) return Refused(file, ProblemKind.MissingSheet, "The workbook has no sheets.");
            sheet = source.OpenSheet(name);
            long cells = 0;
            foreach (var row in sheet.ReadRows())
            {
                foreach (var cell in row.Cells)
                {
                    if (!cell.IsBlank && ++cells > options.MaxCells)
                        throw new WorkbookUnreadableException(ProblemKind.TooLarge, string.Create(CultureInfo.InvariantCulture,
                            $"The file is refused: it holds more than {options.MaxCells:N0} non-empty cells, far more than a screening file; split it."));
                }
                rows.Add(row);
            }
            // Only errors: a screening file has no warnings (the agreement is computed only from a file without problems).
            opening.AddRange(source.OpeningProblems.Where(p => p.IsError));
            sheetName = source is CsvWorkbookSource ? null : name;
        }
        catch (WorkbookUnreadableException e)
        {
            return Refused(file, e.Kind, e.Message);
        }
        var problems = ImmutableArray.CreateBuilder<ImportProblem>();
        problems.AddRange(opening);
        return new SheetReader(file, sheetName, problems).Parse(rows, sheet.MergedRanges, sheet.DuplicateCells, level);
    }

    /// <summary>Measures agreement from decisions already in memory (two screeners, each deciding every record once).</summary>
    public static ScreeningImport FromDecisions(IEnumerable<ScreeningRecord> decisions, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var problems = ImmutableArray.CreateBuilder<ImportProblem>();
        var list = decisions.ToImmutableArray();
        return Pair(list, "decisions", null, level, problems);
    }

    private static ScreeningImport Pair(ImmutableArray<ScreeningRecord> decisions, string file, string? sheet, double level,
        ImmutableArray<ImportProblem>.Builder problems, IReadOnlyDictionary<Field, (int Index, string Heading)>? columns = null)
    {
        ImportProblem Problem(ProblemKind kind, ScreeningRecord? decision, Field field, string? value, string message)
        {
            int? row = decision is { Row: > 0 } ? decision.Row : null;
            string heading = columns?[field].Heading ?? Headings.Label(field);
            string? cell = row is { } r && columns is not null ? CellReference.Of(r, columns[field].Index) : null;
            return new ImportProblem(kind, ProblemSeverity.Error, file, sheet, row, heading, cell, value, message);
        }

        var screeners = new List<string>();
        var byRecord = new Dictionary<string, (ScreeningRecord? First, ScreeningRecord? Second)>(StringComparer.OrdinalIgnoreCase);
        var recordOrder = new List<string>();
        foreach (var decision in decisions)
        {
            int who = screeners.FindIndex(s => s.Equals(decision.Screener.Trim(), StringComparison.OrdinalIgnoreCase));
            if (who < 0)
            {
                if (screeners.Count == 2)
                {
                    problems.Add(Problem(ProblemKind.InvalidValue, decision, Field.Screener, decision.Screener,
                        $"A third screener; agreement is measured between exactly two (already found {screeners[0]} and {screeners[1]})."));
                    continue;
                }
                screeners.Add(decision.Screener.Trim());
                who = screeners.Count - 1;
            }
            string id = decision.RecordId.Trim();
            if (!byRecord.TryGetValue(id, out var pair)) recordOrder.Add(id);
            var existing = who == 0 ? pair.First : pair.Second;
            if (existing is not null)
            {
                problems.Add(Problem(ProblemKind.DuplicateId, decision, Field.Record, id,
                    $"{screeners[who]} already decided record {id}{(existing.Row > 0 ? " on row " + existing.Row.ToString(CultureInfo.InvariantCulture) : "")} ({existing.Decision.Label()}); each screener decides each record once."));
                continue;
            }
            byRecord[id] = who == 0 ? (decision, pair.Second) : (pair.First, decision);
        }
        if (screeners.Count < 2 && decisions.Length > 0)
            problems.Add(Problem(ProblemKind.InvalidValue, null, Field.Screener, null, $"Only one screener ({screeners[0]}) is in the file; agreement needs two."));

        int a = 0, b = 0, c = 0, d = 0;
        foreach (string id in recordOrder)
        {
            var (first, second) = byRecord[id];
            if (first is null || second is null)
            {
                if (screeners.Count == 2)
                {
                    var only = (first ?? second)!;
                    problems.Add(Problem(ProblemKind.MissingValue, only, Field.Record, id,
                        $"Record {id} was screened by {only.Screener} only; {(first is null ? screeners[0] : screeners[1])}'s decision is missing."));
                }
                continue;
            }
            switch ((first.Decision, second.Decision))
            {
                case (ScreeningDecision.Include, ScreeningDecision.Include): a++; break;
                case (ScreeningDecision.Include, ScreeningDecision.Exclude): b++; break;
                case (ScreeningDecision.Exclude, ScreeningDecision.Include): c++; break;
                default: d++; break;
            }
        }
        if (decisions.IsEmpty && problems.Count == 0)
            problems.Add(new ImportProblem(ProblemKind.MissingValue, ProblemSeverity.Error, file, sheet, null, null, null, null, "The file has no decisions."));
        var agreement = problems.Count == 0 ? ScreeningAgreement.FromCounts(a, b, c, d, level, screeners[0], screeners[1]) : null;
        return new ScreeningImport(decisions, problems.ToImmutable(), agreement);
    }

    /// <summary>Parses the rows of a decisions sheet, as a workbook source read them, into decisions and problems.</summary>
    private sealed class SheetReader(string file, string? sheet, ImmutableArray<ImportProblem>.Builder problems)
    {
        private string?[] _headings = [];

        private string HeadingAt(int column) =>
            column < _headings.Length && _headings[column] is { Length: > 0 } heading ? heading : "column " + CellReference.Column(column);

        private void Problem(ProblemKind kind, int? row, int column, string? value, string message) =>
            problems.Add(new ImportProblem(kind, ProblemSeverity.Error, file, sheet, row, column >= 0 ? HeadingAt(column) : null,
                column >= 0 && row is { } r ? CellReference.Of(r, column) : null, value, message));

        public ScreeningImport Parse(List<RawRow> rows, IReadOnlyList<MergedRange> merged, IReadOnlyList<DuplicateCell> duplicates, double level)
        {
            var header = rows.FirstOrDefault(r => r.Cells.Any(c => Text(c).Length > 0 || (c.Flags & CellFlags.Error) != 0));
            if (header is null)
            {
                Problem(ProblemKind.MissingColumn, null, -1, null, "The file is empty; expected columns 'record id', 'screener' and 'decision'.");
                return new ScreeningImport([], problems.ToImmutable(), null);
            }
            _headings = [.. header.Cells.Select(c => (string?)Text(c))];
            var columns = new Dictionary<Field, (int Index, string Heading)>();
            for (int i = 0; i < _headings.Length; i++)
            {
                if (!Headings.TryParse(_headings[i], out var field)) continue;
                if (columns.TryGetValue(field, out var first))
                    Problem(ProblemKind.DuplicateColumn, header.Number, i, _headings[i],
                        $"'{_headings[i]}' is a second {Headings.Label(field)} column (the first is '{first.Heading}', column {CellReference.Column(first.Index)}), so which one holds the {Headings.Label(field)} is unclear; keep one.");
                else columns.Add(field, (i, _headings[i]!));
            }
            if (problems.Any(p => p.Kind == ProblemKind.DuplicateColumn)) return new ScreeningImport([], problems.ToImmutable(), null);
            var missing = Enum.GetValues<Field>().Where(f => !columns.ContainsKey(f)).Select(f => $"'{Headings.Label(f)}'").ToList();
            if (missing.Count > 0)
            {
                Problem(ProblemKind.MissingColumn, header.Number, -1, null,
                    $"No column for {string.Join(" and ", missing)}; the headings are: {string.Join(", ", _headings.Where(h => h!.Length > 0).Select(h => $"'{h}'"))}.");
                return new ScreeningImport([], problems.ToImmutable(), null);
            }

            // Rows with a cell the file gives twice, or in merged cells over the columns read: each is reported and not read.
            var rejected = new HashSet<int>();
            foreach (var duplicate in duplicates)
            {
                Problem(ProblemKind.DuplicateCell, duplicate.Row, duplicate.Column, duplicate.Second, duplicate.Message);
                rejected.Add(duplicate.Row);
            }
            foreach (var range in merged.Where(m => m.LastRow > header.Number && columns.Values.Any(c => c.Index >= m.FirstColumn && c.Index <= m.LastColumn)))
            {
                for (int row = Math.Max(range.FirstRow, header.Number + 1); row <= range.LastRow; row++)
                {
                    Problem(ProblemKind.MergedCells, row, range.FirstColumn, range.ToString(),
                        $"Cells {range} are merged, so only {CellReference.Of(range.FirstRow, range.FirstColumn)} holds a value; unmerge them and fill in every row.");
                    rejected.Add(row);
                }
            }

            // CSV rows whose quotes are unbalanced (lines merged into one cell) or that hold a NUL character: reported, not read.
            foreach (var row in rows.Where(r => r.Number > header.Number))
            {
                foreach (var quoted in row.Quoting?.Where(q => q.IsUnbalanced) ?? [])
                {
                    Problem(ProblemKind.UnbalancedQuote, row.Number, quoted.Column, quoted.FirstLineOf(row), quoted.Describe());
                    rejected.Add(row.Number);
                }
                for (int column = 0; column < row.Cells.Length; column++)
                {
                    if ((row.Cells[column].Flags & CellFlags.Nul) == 0) continue;
                    Problem(ProblemKind.Encoding, row.Number, column, row.Cells[column].Text?.Replace('\0', '\uFFFD'), CsvRecordReader.NulMessage);
                    rejected.Add(row.Number);
                }
            }

            var decisions = ImmutableArray.CreateBuilder<ScreeningRecord>();
            foreach (var row in rows.Where(r => r.Number > header.Number && !rejected.Contains(r.Number)))
            {
                var (record, screener, decision) = (Cell(row, columns[Field.Record].Index), Cell(row, columns[Field.Screener].Index), Cell(row, columns[Field.Decision].Index));
                if (Text(record).Length == 0 && Text(screener).Length == 0 && Text(decision).Length == 0 && (decision.Flags & CellFlags.Error) == 0) continue; // blank line
                bool ok = Value(row.Number, columns[Field.Record].Index, record, "The record id is blank.")
                    & Value(row.Number, columns[Field.Screener].Index, screener, "The screener is blank.");
                ScreeningDecision parsed = default;
                if ((decision.Flags & CellFlags.Error) != 0)
                {
                    Problem(ProblemKind.CellError, row.Number, columns[Field.Decision].Index, decision.Text, $"The cell shows the Excel error {decision.Text}; correct the formula or type the decision.");
                    ok = false;
                }
                else if (BlankText.IsMarker(Text(decision)))
                {
                    Problem(ProblemKind.MissingValue, row.Number, columns[Field.Decision].Index, Text(decision), BlankMarker(Text(decision), "decision"));
                    ok = false;
                }
                else if (!ScreeningDecisions.Vocabulary.TryParse(Text(decision), out parsed))
                {
                    Problem(ProblemKind.UnknownVocabulary, row.Number, columns[Field.Decision].Index, Text(decision), ScreeningDecisions.Vocabulary.UnknownMessage(Text(decision)));
                    ok = false;
                }
                if (ok) decisions.Add(new ScreeningRecord(Text(record), Text(screener), parsed, row.Number));
            }
            return Pair(decisions.ToImmutable(), file, sheet, level, problems, columns);
        }

        /// <summary>Checks a required cell: an Excel error value or a blank is a problem.</summary>
        private bool Value(int row, int column, RawCell cell, string blank)
        {
            if ((cell.Flags & CellFlags.Error) != 0)
            {
                Problem(ProblemKind.CellError, row, column, cell.Text, $"The cell shows the Excel error {cell.Text}; correct the formula or type the value.");
                return false;
            }
            if (Text(cell).Length == 0)
            {
                Problem(ProblemKind.MissingValue, row, column, "", blank);
                return false;
            }
            if (!BlankText.IsMarker(Text(cell))) return true;
            Problem(ProblemKind.MissingValue, row, column, Text(cell), BlankMarker(Text(cell), HeadingAt(column)));
            return false;
        }

        private static string BlankMarker(string marker, string what) =>
            $"The cell holds the blank marker '{marker}', which reads as blank, but the {what} is required.";

        private static RawCell Cell(RawRow row, int column) => column < row.Cells.Length ? row.Cells[column] : default;

        private static string Text(RawCell cell) => (cell.Flags & CellFlags.Error) != 0 ? "" : cell.Text?.Trim() ?? "";
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Evidence.Analytics;

/// <summary>Reads two screeners' include/exclude decisions from a CSV file or a workbook sheet and measures their agreement.</summary>
/// <remarks>
/// <para>The layout is one row per decision with three columns, found by heading in any order (other columns are ignored):
/// the record id ("record id", "record", "id", "citation id"), the screener ("screener", "reviewer", "rater") and the
/// decision ("decision", "vote"). Decisions accept <see cref="ScreeningDecisions.Vocabulary"/> spellings ("include",
/// "Excluded", "yes", "0").</para>
/// <para>A workbook is read from its sheet named "Screening" or "Decisions", otherwise its first sheet. The first screener
/// in the file is the table's "first" screener.</para>
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

    static ScreeningFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads a .csv, .tsv, .xlsx or .xls file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="level">The confidence level for κ's interval.</param>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static ScreeningImport Read(string path, double level = 0.95)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path), level);
    }

    /// <summary>Reads from a stream; the file name decides the format (.csv/.tsv/.txt as text, otherwise a workbook) and appears in problems.</summary>
    public static ScreeningImport Read(Stream stream, string fileName, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Proportion.CheckLevel(level);
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        bool text = extension is ".csv" or ".tsv" or ".txt";
        var problems = ImmutableArray.CreateBuilder<ScreeningProblem>();
        List<object?[]> rows;
        string? sheet = null;
        try
        {
            using var reader = text
                ? ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration
                {
                    FallbackEncoding = Encoding.UTF8,
                    AutodetectSeparators = extension == ".tsv" ? ['\t'] : [',', ';', '\t'],
                })
                : ExcelReaderFactory.CreateReader(stream);
            rows = ReadSheet(reader, text, out sheet);
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            problems.Add(new ScreeningProblem(fileName, null, null, null, null, $"The file cannot be read as {(text ? "CSV" : "a workbook")}: {e.Message}"));
            return new ScreeningImport([], problems.ToImmutable(), null);
        }
        return Parse(rows, fileName, sheet, level, problems);
    }

    /// <summary>Measures agreement from decisions already in memory (two screeners, each deciding every record once).</summary>
    public static ScreeningImport FromDecisions(IEnumerable<ScreeningRecord> decisions, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var problems = ImmutableArray.CreateBuilder<ScreeningProblem>();
        var list = decisions.ToImmutableArray();
        return Pair(list, "decisions", null, level, problems);
    }

    private static List<object?[]> ReadSheet(IExcelDataReader reader, bool text, out string? sheet)
    {
        sheet = null;
        if (!text)
        {
            // Prefer a sheet named for its content; otherwise the first.
            int chosen = 0, position = 0;
            do
            {
                if (reader.Name is { } name && (name.Equals("Screening", StringComparison.OrdinalIgnoreCase) || name.Equals("Decisions", StringComparison.OrdinalIgnoreCase)))
                {
                    chosen = position;
                    break;
                }
                position++;
            } while (reader.NextResult());
            reader.Reset();
            for (int i = 0; i < chosen; i++) reader.NextResult();
            sheet = reader.Name;
        }
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static ScreeningImport Parse(List<object?[]> rows, string file, string? sheet, double level, ImmutableArray<ScreeningProblem>.Builder problems)
    {
        int headerRow = rows.FindIndex(r => r.Any(v => !string.IsNullOrWhiteSpace(Text(v))));
        if (headerRow < 0)
        {
            problems.Add(new ScreeningProblem(file, sheet, null, null, null, "The file is empty; expected columns 'record id', 'screener' and 'decision'."));
            return new ScreeningImport([], problems.ToImmutable(), null);
        }
        var header = rows[headerRow];
        var columns = new Dictionary<Field, int>();
        var headings = new Dictionary<Field, string>();
        for (int i = 0; i < header.Length; i++)
        {
            string heading = Text(header[i]);
            if (Headings.TryParse(heading, out var field) && columns.TryAdd(field, i)) headings[field] = heading;
        }
        var missing = Enum.GetValues<Field>().Where(f => !columns.ContainsKey(f)).Select(f => $"'{Headings.Label(f)}'").ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ScreeningProblem(file, sheet, headerRow + 1, null, null,
                $"No column for {string.Join(" and ", missing)}; the headings are: {string.Join(", ", header.Select(Text).Where(h => h.Length > 0).Select(h => $"'{h}'"))}."));
            return new ScreeningImport([], problems.ToImmutable(), null);
        }

        var decisions = ImmutableArray.CreateBuilder<ScreeningRecord>();
        for (int r = headerRow + 1; r < rows.Count; r++)
        {
            var row = rows[r];
            int rowNumber = r + 1;
            string record = Cell(row, columns[Field.Record]), screener = Cell(row, columns[Field.Screener]), decision = Cell(row, columns[Field.Decision]);
            if (record.Length == 0 && screener.Length == 0 && decision.Length == 0) continue; // blank line
            bool ok = true;
            if (record.Length == 0) { problems.Add(new ScreeningProblem(file, sheet, rowNumber, headings[Field.Record], "", "The record id is blank.")); ok = false; }
            if (screener.Length == 0) { problems.Add(new ScreeningProblem(file, sheet, rowNumber, headings[Field.Screener], "", "The screener is blank.")); ok = false; }
            if (!ScreeningDecisions.Vocabulary.TryParse(decision, out var parsed))
            {
                problems.Add(new ScreeningProblem(file, sheet, rowNumber, headings[Field.Decision], decision, ScreeningDecisions.Vocabulary.UnknownMessage(decision)));
                ok = false;
            }
            if (ok) decisions.Add(new ScreeningRecord(record, screener, parsed, rowNumber));
        }
        return Pair(decisions.ToImmutable(), file, sheet, level, problems);
    }

    private static ScreeningImport Pair(ImmutableArray<ScreeningRecord> decisions, string file, string? sheet, double level, ImmutableArray<ScreeningProblem>.Builder problems)
    {
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
                    problems.Add(new ScreeningProblem(file, sheet, RowOf(decision), "screener", decision.Screener,
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
                problems.Add(new ScreeningProblem(file, sheet, RowOf(decision), "record id", id,
                    $"{screeners[who]} already decided record {id}{(existing.Row > 0 ? " on row " + existing.Row.ToString(CultureInfo.InvariantCulture) : "")} ({existing.Decision.Label()}); each screener decides each record once."));
                continue;
            }
            byRecord[id] = who == 0 ? (decision, pair.Second) : (pair.First, decision);
        }
        if (screeners.Count < 2 && decisions.Length > 0)
            problems.Add(new ScreeningProblem(file, sheet, null, "screener", null, $"Only one screener ({screeners[0]}) is in the file; agreement needs two."));

        int a = 0, b = 0, c = 0, d = 0;
        foreach (string id in recordOrder)
        {
            var (first, second) = byRecord[id];
            if (first is null || second is null)
            {
                if (screeners.Count == 2)
                {
                    var only = (first ?? second)!;
                    problems.Add(new ScreeningProblem(file, sheet, RowOf(only), "record id", id,
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
            problems.Add(new ScreeningProblem(file, sheet, null, null, null, "The file has no decisions."));
        var agreement = problems.Count == 0 ? ScreeningAgreement.FromCounts(a, b, c, d, level, screeners[0], screeners[1]) : null;
        return new ScreeningImport(decisions, problems.ToImmutable(), agreement);
    }

    private static int? RowOf(ScreeningRecord decision) => decision.Row > 0 ? decision.Row : null;

    private static string Cell(object?[] row, int column) => column < row.Length ? Text(row[column]) : "";

    private static string Text(object? value) => value switch
    {
        null => "",
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}

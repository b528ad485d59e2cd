using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.Tests.Cli;

namespace Evidence.Analytics.Tests.Import.Integrity;

/// <summary>One input that did not come out as it must: the first thing wrong, and how many things were.</summary>
internal sealed record CorpusFailure(CorpusInput Input, IReadOnlyList<string> What);

/// <summary>Runs corpus inputs, one at a time, through the library (<see cref="EvidenceWorkbook.Read(string, ImportOptions?)"/>)
/// and through <c>evidence validate --json</c> in process, and checks each outcome against what the input must give.</summary>
internal sealed class CorpusRun : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-tests", "corpus-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<string> _xlsxBaseline = new(() => Signature(EvidenceWorkbook.Read(CorpusSample.WorkbookPath)));
    private readonly Lazy<string> _csvBaseline = new(() => Signature(EvidenceWorkbook.Read(CorpusSample.CsvFolder)));
    private int _next;

    public CorpusRun() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>Every input checked; the failures, in input order.</summary>
    public async Task<List<CorpusFailure>> Check(IEnumerable<CorpusInput> inputs)
    {
        var failures = new List<CorpusFailure>();
        foreach (var input in inputs)
        {
            var what = await Check(input);
            if (what.Count > 0) failures.Add(new CorpusFailure(input, what));
        }
        return failures;
    }

    /// <summary>The library's import of an input (written to disk as the CLI reads it).</summary>
    public ImportResult Import(CorpusInput input) => EvidenceWorkbook.Read(Write(input));

    public async Task<List<string>> Check(CorpusInput input)
    {
        string path = Write(input);
        var what = new List<string>();
        ImportResult? result = null;
        try
        {
            result = EvidenceWorkbook.Read(path);
        }
        catch (Exception e)
        {
            what.Add($"the import threw {e.GetType().Name}: {FirstLine(e.Message)}");
        }

        int? exit = null;
        try
        {
            var (code, output, error) = await CliRunner.Run("validate", path, "--json");
            if (code is not (0 or 1 or 2)) what.Add($"`evidence validate --json` exited {code}");
            if (error.Contains("Exception", StringComparison.Ordinal) || error.Contains("   at ", StringComparison.Ordinal))
                what.Add($"`evidence validate --json` wrote a stack trace: {FirstLine(error)}");
            JsonDocument? json = null;
            try
            {
                json = JsonDocument.Parse(output);
            }
            catch (JsonException)
            {
                what.Add($"`evidence validate --json` exited {code} without JSON: {FirstLine(output.Length > 0 ? output : error)}");
            }
            if (json is not null)
            {
                using (json)
                    what.AddRange(CheckJson(json.RootElement, code, result));
                exit = code;
            }
        }
        catch (Exception e)
        {
            what.Add($"`evidence validate --json` threw {e.GetType().Name}: {FirstLine(e.Message)}");
        }
        if (result is null || exit is null) return what;

        string baseline = input.Form == InputForm.Xlsx ? _xlsxBaseline.Value : _csvBaseline.Value;
        var expected = input.Expected;
        switch (expected.Outcome)
        {
            case Outcome.Unreadable:
                what.AddRange(CheckRefused(result, exit.Value, expected));
                break;
            case Outcome.UnreadableOrUnchanged:
                if (exit == 2) what.AddRange(CheckRefused(result, exit.Value, expected));
                else what.AddRange(CheckUnchanged(result, baseline, "was neither refused nor read as the undamaged file"));
                break;
            case Outcome.Unchanged:
                what.AddRange(CheckUnchanged(result, baseline, "is not read as the sample"));
                break;
            case Outcome.Flagged when exit == 2:
                what.AddRange(CheckRefused(result, exit.Value, expected));
                break;
            default:
                what.AddRange(CheckRead(input, result, exit.Value));
                break;
        }
        return what;
    }

    private string Write(CorpusInput input)
    {
        string path = Path.Combine(_folder, (_next++).ToString("D4", CultureInfo.InvariantCulture));
        if (input.Workbook is { } workbook)
        {
            path += ".xlsx";
            File.WriteAllBytes(path, workbook);
            return path;
        }
        Directory.CreateDirectory(path);
        foreach (var (name, bytes) in input.CsvFiles!) File.WriteAllBytes(Path.Combine(path, name), bytes);
        return path;
    }

    /// <summary>The JSON has the documented shape, its counts add up and agree with the library's result for the same file.</summary>
    private static IEnumerable<string> CheckJson(JsonElement root, int exit, ImportResult? result)
    {
        int read = root.GetProperty("rowsRead").GetInt32(), imported = root.GetProperty("rowsImported").GetInt32(), reported = root.GetProperty("rowsReported").GetInt32();
        if (read != imported + reported) yield return $"JSON rows read {read} ≠ imported {imported} + reported {reported}";
        bool valid = root.GetProperty("valid").GetBoolean();
        if (valid != (exit == 0)) yield return $"JSON says valid = {valid} but the exit code is {exit}";
        if (result is null) yield break;
        if (valid != result.IsValid || read != result.RowsRead || root.GetProperty("problems").GetArrayLength() != result.Problems.Length)
            yield return $"`evidence validate --json` (valid {valid}, {read} rows read, {root.GetProperty("problems").GetArrayLength()} problems) disagrees with the library ({result})";
    }

    /// <summary>Exit 2 with one problem of one sentence, and no evidence.</summary>
    private static IEnumerable<string> CheckRefused(ImportResult result, int exit, Expected expected)
    {
        if (exit != 2)
        {
            yield return $"expected exit 2 (refused), got exit {exit}: {Summary(result)}";
            yield break;
        }
        if (result.Evidence is not null) yield return "refused, yet an evidence base was returned";
        if (result.Problems.Length != 1)
        {
            yield return $"refused with {result.Problems.Length} problems instead of one sentence: {Summary(result)}";
            yield break;
        }
        string message = result.Problems[0].Message;
        if (message.Contains('\n', StringComparison.Ordinal) || message.Contains("   at ", StringComparison.Ordinal))
            yield return $"the refusal is not one sentence: {FirstLine(message)} …";
        foreach (string word in expected.Mentions.Where(w => !result.Problems[0].ToString().Contains(w, StringComparison.Ordinal)))
            yield return $"the refusal does not name '{word}': {result.Problems[0]}";
    }

    private static IEnumerable<string> CheckUnchanged(ImportResult result, string baseline, string what)
    {
        string signature = Signature(result);
        if (signature == baseline) yield break;
        var lines = signature.Split('\n');
        var expected = baseline.Split('\n');
        int first = Enumerable.Range(0, Math.Min(lines.Length, expected.Length)).FirstOrDefault(i => lines[i] != expected[i], Math.Min(lines.Length, expected.Length));
        yield return $"{what}: {Summary(result)}; first difference: '{Line(lines, first)}' where the sample gives '{Line(expected, first)}'";
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? Shorten(lines[index], 140) : "(nothing)";

    /// <summary>Read (exit 0 or 1): rows read = the file's data rows = imported + reported, every reported row has an error,
    /// and the planted problems are reported where they were planted.</summary>
    private static IEnumerable<string> CheckRead(CorpusInput input, ImportResult result, int exit)
    {
        var expected = input.Expected;
        if (exit == 2)
        {
            yield return $"refused (exit 2) although it can be read: {Summary(result)}";
            yield break;
        }
        var fileRows = input.FileRows!;
        foreach (var sheet in result.Sheets)
        {
            if (!fileRows.TryGetValue(sheet.Sheet, out int rows))
                yield return $"counts rows of a sheet '{sheet.Sheet}' the file does not have";
            else if (sheet.RowsRead != rows)
                yield return $"{sheet.Sheet}: rows read {sheet.RowsRead} ({sheet.RowsImported} imported + {sheet.RowsReported} reported), but the file has {rows} data rows";
            var errorRows = result.Errors.Where(p => p.Sheet == sheet.Sheet && p.Row > 1).Select(p => p.Row).Distinct().Count();
            bool sheetLevel = result.Errors.Any(p => p.Sheet == sheet.Sheet && (p.Row is null || p.Row <= 1));
            // Lines an unbalanced quote took into one cell were rows of the file with no row of their own: the one error
            // at the opening quote names how many ("(20 rows of the file)").
            int takenIn = result.Errors.Where(p => p.Sheet == sheet.Sheet && p.Kind == ProblemKind.UnbalancedQuote).Sum(p => RowsTakenIn(p.Message));
            if (errorRows + takenIn > sheet.RowsReported || (!sheetLevel && errorRows + takenIn < sheet.RowsReported))
                yield return $"{sheet.Sheet}: {sheet.RowsReported} rows reported but {errorRows} rows have errors{(takenIn > 0 ? $" and {takenIn} were taken into quoted values" : "")}";
        }
        foreach (var (sheet, rows) in fileRows.Where(f => f.Value > 0 && IsFormatSheet(f.Key)))
        {
            if (result.Sheets.All(s => s.Sheet != sheet) && !result.Errors.Any(p => p.Sheet == sheet || p.Message.Contains(sheet, StringComparison.Ordinal)))
                yield return $"the {rows} data rows of sheet '{sheet}' are neither read nor named in an error";
        }
        foreach (var planted in expected.Problems.Where(p => !result.Problems.Any(p.IsMetBy)))
        {
            var near = result.Problems.Where(p => p.Sheet == planted.Sheet && p.Row == planted.Row).ToList();
            yield return $"no {planted}; {(near.Count > 0 ? "that row has: " + string.Join(" | ", near.Take(3).Select(p => Shorten(p.ToString(), 160))) : Summary(result))}";
        }
        foreach (var words in expected.Mentions.IsEmpty ? [] : new[] { expected.Mentions })
        {
            if (!result.Errors.Any(p => words.All(w => $"{p.Sheet} {p.File} {p.Message}".Contains(w, StringComparison.Ordinal))))
                yield return $"no error names {string.Join(" and ", words.Select(w => $"'{w}'"))}: {Summary(result)}";
        }
        foreach (string sheet in expected.SheetErrors.Where(s => !result.Errors.Any(p => p.Sheet == s && (p.Row is null || p.Row <= 1))))
            yield return $"no error for the {sheet} sheet itself: {Summary(result)}";
        foreach (string sheet in expected.SheetNotices.Where(s => !result.Problems.Any(p => p.Sheet == s || p.File.EndsWith(CorpusSample.CsvFileOf(s), StringComparison.Ordinal))))
            yield return $"nothing reported on the {sheet} sheet: {Summary(result)}";
    }

    private static bool IsFormatSheet(string name) => WorkbookFormat.Sheets.Any(s => WorkbookFormat.HeaderKey(s.Name) == WorkbookFormat.HeaderKey(name));

    /// <summary>Everything an import gives, without the file's path: problems, counts and the evidence field by field.</summary>
    public static string Signature(ImportResult result)
    {
        var text = new StringBuilder();
        foreach (var p in result.Problems)
            text.Append(CultureInfo.InvariantCulture, $"{p.Kind}|{p.Severity}|{p.Sheet}|{p.Row}|{p.Column}|{p.Cell}|{p.Value}|{p.Message.Replace(result.File, "FILE", StringComparison.Ordinal)}\n");
        foreach (var s in result.Sheets) text.Append(s).Append('\n');
        text.Append(result.Evidence is null ? "no evidence\n" : EvidenceDump.Of(result.Evidence));
        return text.ToString();
    }

    private static string Summary(ImportResult result)
    {
        var first = result.Problems.FirstOrDefault();
        string tally = string.Create(CultureInfo.InvariantCulture,
            $"{(result.IsValid ? "valid" : "not valid")}, {result.Errors.Count()} errors, {result.Warnings.Count()} warnings, {result.RowsImported} of {result.RowsRead} rows imported");
        return first is null ? tally : $"{tally}; first: {Shorten(first.ToString().Replace(result.File, "FILE", StringComparison.Ordinal), 200)}";
    }

    private static string FirstLine(string text) => Shorten(text.Split('\n')[0].TrimEnd('\r'), 200);

    private static int RowsTakenIn(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"\(([\d,]+) rows? of the file\)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>The failures grouped by fault kind and form, each group with its count and one example; passing groups listed after.</summary>
    public static string Report(string title, IReadOnlyList<CorpusInput> inputs, IReadOnlyList<CorpusFailure> failures)
    {
        var text = new StringBuilder();
        var groups = inputs.GroupBy(i => i.Group).ToList();
        var failing = failures.GroupBy(f => f.Input.Group).ToDictionary(g => g.Key, g => g.ToList());
        text.Append(CultureInfo.InvariantCulture, $"{title}: {failures.Count} of {inputs.Count} inputs failed, in {failing.Count} of {groups.Count} fault kinds.\n");
        foreach (var group in groups.Where(g => failing.ContainsKey(g.Key)))
        {
            var failed = failing[group.Key];
            var example = failed[0];
            text.Append(CultureInfo.InvariantCulture, $"\n✗ {group.Key}: {failed.Count} of {group.Count()} failed\n");
            text.Append(CultureInfo.InvariantCulture, $"    e.g. {example.Input.Name}\n");
            foreach (string what in example.What.Take(3)) text.Append(CultureInfo.InvariantCulture, $"      - {what}\n");
            foreach (var other in failed.Skip(1).Take(2))
                text.Append(CultureInfo.InvariantCulture, $"    also {other.Input.Name}: {Shorten(other.What[0], 120)}\n");
        }
        var passing = groups.Where(g => !failing.ContainsKey(g.Key)).Select(g => $"{g.Key} ({g.Count()})").ToList();
        if (passing.Count > 0) text.Append("\n✓ ").Append(string.Join("\n✓ ", passing)).Append('\n');
        return text.ToString();
    }
}

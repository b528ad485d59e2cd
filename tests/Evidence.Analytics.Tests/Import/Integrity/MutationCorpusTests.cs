using FsCheck;
using FsCheck.Fluent;

namespace Evidence.Analytics.Tests.Import.Integrity;

/// <summary>Issue 12's mutation corpus run as tests: every damaged or mutated copy of the sample goes through the import
/// and through <c>evidence validate --json</c>; no exception escapes, exit codes are 0, 1 or 2, the JSON parses,
/// rows read (counted from the file, not by the library) = rows imported + rows reported, every planted cell fault is
/// reported at its sheet, row and column, and an unreadable file is refused in one sentence with no evidence. A failure
/// lists the failing fault kinds, each with one example.</summary>
public sealed class MutationCorpusTests
{
    private static async Task RunFamily(string family, string title)
    {
        var inputs = MutationCorpus.Family(family).ToList();
        using var run = new CorpusRun();
        var failures = await run.Check(inputs);
        Assert.True(failures.Count == 0, CorpusRun.Report(title, inputs, failures));
    }

    [Fact]
    public void Corpus_Generated_HoldsAtLeast300InputsOfEveryFaultKindTheIssueNames()
    {
        var corpus = MutationCorpus.All().ToList();
        var kinds = corpus.GroupBy(i => (i.Family, i.Kind)).ToDictionary(g => g.Key, g => g.Count());
        int Count(string family) => corpus.Count(i => i.Family == family);

        Assert.True(corpus.Count >= 300, $"The corpus has {corpus.Count} inputs.");
        // 11 cell-fault kinds × 9 FsCheck samples, each in xlsx and (but for error values and formulas) in CSV.
        Assert.Equal(11 * MutationCorpus.CellFaultsPerKind * 2 - 2 * MutationCorpus.CellFaultsPerKind, Count("cell"));
        Assert.Equal(11, corpus.Where(i => i.Family == "cell").Select(i => i.Kind).Distinct().Count());
        Assert.True(Count("sheet") >= 30, $"{Count("sheet")} sheet-level faults");
        Assert.True(kinds[("byte", "truncated")] >= 40, "truncations");
        Assert.True(corpus.Count(i => i.Kind.StartsWith("byte flip", StringComparison.Ordinal)) >= 90, "byte flips");
        Assert.True(kinds[("byte", "zip bomb")] >= 5, "zip bombs");
        Assert.True(kinds[("byte", "crafted byte flip only the CRC-32 reveals")] >= 5, "crafted flips");
        Assert.True(kinds[("byte", "compression method changed")] >= 10, "compression methods");
        Assert.True(kinds[("byte", "missing part")] >= 10, "missing parts");
        foreach (string kind in new[] { "unclosed quote", "quote opened in one row, closed by a stray quote in a later row", "quote opening mid-field",
                     "invalid UTF-8 bytes", "UTF-16 without a byte-order mark", "NUL byte", "mixed line endings" })
            Assert.True(kinds[("csv", kind)] >= 5, kind);
    }

    [Fact]
    public Task Corpus_Controls_ReadExactlyAsTheSample() =>
        RunFamily("control", "Controls (the corpus's machinery without a fault)");

    [Fact]
    public Task Corpus_CellFaults_AreReportedAtTheirSheetRowAndColumn() =>
        RunFamily("cell", "Cell-level faults");

    [Fact]
    public Task Corpus_SheetFaults_AreReportedAndEveryRowIsAccountedFor() =>
        RunFamily("sheet", "Sheet-level faults");

    [Fact]
    public Task Corpus_DamagedZipFiles_AreRefusedInOneSentenceOrReadUnchanged() =>
        RunFamily("byte", "Byte-level faults on the xlsx");

    [Fact]
    public Task Corpus_CsvQuoteAndEncodingFaults_AreReportedAndEveryRowIsAccountedFor() =>
        RunFamily("csv", "CSV quote and encoding faults");

    [Fact]
    public void Corpus_EmptyRequiredSheet_GivesTheSameSheetErrorInXlsxAndCsv()
    {
        // Issue 12: a Findings sheet holding only its header validated while an empty findings.csv was rejected.
        using var run = new CorpusRun();
        var empty = MutationCorpus.Family("sheet").Where(i => i.Kind is "required sheet holds only its header" or "required sheet empty").ToList();
        var differences = new List<string>();
        foreach (var pair in empty.GroupBy(i => (i.Kind, Sheet: i.Expected.SheetErrors.Single())))
        {
            var kinds = pair.ToDictionary(i => i.Form, i => string.Join(", ", run.Import(i).Errors
                .Where(p => p.Sheet == pair.Key.Sheet && (p.Row is null || p.Row <= 1)).Select(p => p.Kind).Distinct().Order()));
            if (kinds[InputForm.Xlsx] != kinds[InputForm.Csv] || kinds[InputForm.Xlsx].Length == 0)
                differences.Add($"{pair.Key.Kind}, {pair.Key.Sheet}: xlsx [{kinds[InputForm.Xlsx]}], csv [{kinds[InputForm.Csv]}]");
        }
        Assert.Equal(4, empty.GroupBy(i => (i.Kind, i.Expected.SheetErrors.Single())).Count());
        Assert.True(differences.Count == 0, "Sheet-level errors of an empty required sheet, by form:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void CellFault_AnyGeneratedFault_IsReportedAtItsCellInXlsxAndCsv()
    {
        using var run = new CorpusRun();
        var property = Prop.ForAll(CellFaults.Any.ToArbitrary(), fault =>
        {
            var failures = fault.Inputs().Select(input => (input, what: Task.Run(() => run.Check(input)).GetAwaiter().GetResult())).Where(x => x.what.Count > 0).ToList();
            return failures.Count == 0
                ? true.ToProperty()
                : false.Label(string.Join("\n", failures.Select(f => $"{f.input.Form}: {f.input.Name}: {f.what[0]}")));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), property);
    }
}

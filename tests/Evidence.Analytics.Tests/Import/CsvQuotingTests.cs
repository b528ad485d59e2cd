using System.Globalization;
using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Cli;
using Xunit;
using static Evidence.Analytics.Tests.Import.SampleCopies;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Issue 12, finding 1: CSV rows disappeared without a message when a quote was opened and closed by a stray
/// quote lines later, or never closed. Each case damages a copy of the sample's CSV folder; rows read are counted from
/// the file's lines, independently of the parser.</summary>
public sealed class CsvQuotingTests
{
    private static string SampleFile(string file) => Path.Combine(SampleDataTests.SampleFolder, file);

    /// <summary>Puts a quote at the start of the field with index <paramref name="field"/> of a line with no quotes.</summary>
    private static void OpenQuote(List<string> lines, int line, int field)
    {
        string[] fields = lines[line - 1].Split(',');
        Assert.DoesNotContain('"', lines[line - 1]);
        fields[field] = "\"" + fields[field];
        lines[line - 1] = string.Join(',', fields);
    }

    private static SheetImportCounts Counts(ImportResult result, string sheet) => result.Sheets.Single(s => s.Sheet == sheet);

    [Theory]
    [InlineData("PBQ,", "PBQ\",")]   // the stray quote closes the value and a delimiter follows: legal syntax
    [InlineData("PBQ", "PB\"Q")]     // the stray quote closes the value in mid-value
    [InlineData(",,,,", ",,,,\"")]   // the stray quote ends the line
    public void Csv_StrayQuoteSwallowingRows_IsAnErrorNamingTheOpeningLine(string old, string stray)
    {
        // The case: a quote opened on line 10 and closed by a stray quote on line 30 swallowed 20 findings.
        string folder = With("findings.csv", lines =>
        {
            Replace(lines, 10, "PBQ", "\"PBQ");
            Replace(lines, 30, old, stray);
        });
        var result = EvidenceWorkbook.Read(folder);

        var problem = Single(result, ProblemKind.UnbalancedQuote);
        Assert.Equal((ProblemSeverity.Error, "Findings", 10, "Measure", "D10"), (problem.Severity, problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!));
        Assert.Contains("line 10", problem.Message, StringComparison.Ordinal);
        Assert.Contains("lines 11–30 (20 rows of the file)", problem.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        int rows = DataLines(SampleFile("findings.csv"));
        Assert.Equal((rows, rows - 21, 21), (Counts(result, "Findings").RowsRead, Counts(result, "Findings").RowsImported, Counts(result, "Findings").RowsReported));
    }

    [Theory]
    [InlineData("findings.csv", "Findings", 70, 3, "Measure")]
    [InlineData("flow.csv", "Flow", 3, 1, "Label")]
    [InlineData("interventions.csv", "Interventions", 20, 1, "Name")]
    [InlineData("vocabulary.csv", "Vocabulary", 2, 1, "Term")]
    public void Csv_UnclosedQuote_IsAnErrorNamingTheLineWhereItOpened(string file, string sheet, int line, int field, string column)
    {
        string folder = file == "vocabulary.csv"
            ? WithText(file, "Field,Term,Synonyms\nOutcome domain,Sleep,Sleep quality\nIntervention type,Walking group,Walks\nOutcome domain,Breastfeeding,Infant feeding\n")
            : Copy();
        var lines = File.ReadAllLines(Path.Combine(folder, file)).ToList();
        int rows = lines.Count - 1;
        OpenQuote(lines, line, field);
        File.WriteAllText(Path.Combine(folder, file), string.Join("\n", lines) + "\n");
        var result = EvidenceWorkbook.Read(folder);

        var problem = Single(result, ProblemKind.UnbalancedQuote);
        Assert.Equal((sheet, line, column), (problem.Sheet!, problem.Row!.Value, problem.Column!));
        Assert.Contains($"opens this value on line {line} is never closed", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"lines {line + 1}–{rows + 1} ({rows + 1 - line} rows of the file)", problem.Message, StringComparison.Ordinal);
        // Every row before the quote is imported; the row it opens on and every row after it are reported.
        var counts = Counts(result, sheet);
        Assert.Equal((rows, line - 2, rows - (line - 2)), (counts.RowsRead, counts.RowsImported, counts.RowsReported));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Csv_UnclosedQuoteOnTheLastLine_IsAnError()
    {
        // The Review notes' closing quote is lost: nothing follows, but the value cannot be trusted to be complete.
        string folder = With("review.csv", lines => lines[2] = lines[2].TrimEnd('"'));
        var result = EvidenceWorkbook.Read(folder);

        var problem = Single(result, ProblemKind.UnbalancedQuote);
        Assert.Equal(("Review", 3, "Value", "B3"), (problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!));
        Assert.Contains("line 3 is never closed", problem.Message, StringComparison.Ordinal);
        Assert.Equal((2, 1), (Counts(result, "Review").RowsRead, Counts(result, "Review").RowsImported));
    }

    [Fact]
    public void Csv_QuoteInTheHeaderNeverClosed_ReportsEveryRowItSwallowed()
    {
        string folder = With("findings.csv", lines => OpenQuote(lines, 1, 3));
        var result = EvidenceWorkbook.Read(folder);

        var problem = Single(result, ProblemKind.UnbalancedQuote);
        Assert.Equal(("Findings", 1), (problem.Sheet!, problem.Row!.Value));
        int rows = DataLines(SampleFile("findings.csv"));
        Assert.Equal((rows, 0), (Counts(result, "Findings").RowsRead, Counts(result, "Findings").RowsImported));
    }

    [Fact]
    public void Csv_QuoteClosedMidValueOnOneLine_IsAnErrorAtTheCell()
    {
        var files = Valid();
        files["studies.csv"] = files["studies.csv"].Replace("S02,Example C,", "S02,\"Example\" C,", StringComparison.Ordinal);
        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.UnbalancedQuote);
        Assert.Equal(("Studies", 3, "Authors", "B3", "Example C"), (problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!, problem.Value!));
        Assert.Contains("closes in mid-value (before ' C')", problem.Message, StringComparison.Ordinal);
        Assert.Equal((2, 1), (Counts(result, "Studies").RowsRead, Counts(result, "Studies").RowsImported));
    }

    [Fact]
    public void Csv_QuotedNoteSpanningLines_ImportsWithAWarningNamingTheLineRange()
    {
        string folder = With("findings.csv", lines => Replace(lines, 10, "PBQ", "\"PBQ\n(Postpartum Bonding Questionnaire, 25 items)\""));
        var result = EvidenceWorkbook.Read(folder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var problem = Single(result, ProblemKind.MultiLineValue);
        Assert.Equal((ProblemSeverity.Warning, "Findings", 10, "Measure", "D10"), (problem.Severity, problem.Sheet!, problem.Row!.Value, problem.Column!, problem.Cell!));
        Assert.Contains("spans lines 10–11", problem.Message, StringComparison.Ordinal);
        // One record over two lines is one row: the file's 77 lines hold the header and 76 findings.
        int rows = DataLines(SampleFile("findings.csv"));
        Assert.Equal((rows, rows), (Counts(result, "Findings").RowsRead, Counts(result, "Findings").RowsImported));
        Assert.Contains(result.Evidence!.Findings, f => f.Measure == "PBQ\n(Postpartum Bonding Questionnaire, 25 items)");
    }

    [Theory]
    // Prose with commas (and a thousands separator) over three lines of a two-column sheet (inside the quoted notes).
    [InlineData("review.csv", 3, "Illustrative data.", "Illustrative data, invented.\n13,851 records screened, 33 included.\nDo not cite", "Review")]
    // A measure whose lines have many commas, each followed by a space as prose has them.
    [InlineData("findings.csv", 10, "PBQ", "\"PBQ,\nshort form, 10 items, self-report, at 6, 12, 24, and 52 weeks, by post, online, or phone, or in person\"", "Findings")]
    // A title over two lines in a file whose other values are quoted too.
    [InlineData("studies.csv", 5, "Illustrative study 04: Befriending for isolated mothers (RCT)", "\"Illustrative study 04:\nBefriending for isolated mothers (RCT)\"", "Studies")]
    // A PRISMA exclusion reason over two lines.
    [InlineData("flow.csv", 13, "Not postpartum or beyond 12 months after birth", "\"Not postpartum\nor beyond 12 months after birth\"", "Flow")]
    // A reason over two lines in a row that ends with one delimiter more than the header has (some programs write one).
    [InlineData("flow.csv", 14, "Not a social prescribing or community referral intervention,58", "\"Not a social prescribing\nor community referral intervention\",58,", "Flow")]
    public void Csv_LegitimateMultiLineValues_AreWarningsNotErrors(string file, int line, string old, string replacement, string sheet)
    {
        string folder = With(file, lines => Replace(lines, line, old, replacement));
        var result = EvidenceWorkbook.Read(folder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var problem = Single(result, ProblemKind.MultiLineValue);
        Assert.Equal((sheet, line), (problem.Sheet!, problem.Row!.Value));
        Assert.Equal(result.RowsRead, result.RowsImported);
    }

    [Fact]
    public async Task Validate_StrayQuote_ReportsTheSwallowedRowsInTextAndJson()
    {
        string folder = With("findings.csv", lines =>
        {
            Replace(lines, 10, "PBQ", "\"PBQ");
            Replace(lines, 30, "PBQ,", "PBQ\",");
        });
        int total = Directory.GetFiles(SampleDataTests.SampleFolder, "*.csv").Sum(DataLines);
        int findings = DataLines(SampleFile("findings.csv"));

        var (exit, output, _) = await CliRunner.Run("validate", folder);

        Assert.Equal(EvidenceCli.InputProblems, exit);
        Assert.Contains("error: ", output, StringComparison.Ordinal);
        Assert.Contains("Findings, row 10, column 'Measure' (D10): The quoted value that opens on line 10 runs to line 30", output, StringComparison.Ordinal);
        // With errors nothing is imported, so the tally counts the rows without an error of their own (issue 16).
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"so nothing is imported; {total - 21:N0} of {total:N0} rows have no error of their own"), output, StringComparison.Ordinal);
        Assert.DoesNotContain(string.Create(CultureInfo.InvariantCulture, $"{total:N0} of {total:N0} rows"), output, StringComparison.Ordinal);

        var (jsonExit, json, _) = await CliRunner.Run("validate", folder, "--json");
        Assert.Equal(EvidenceCli.InputProblems, jsonExit);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var sheet = root.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("sheet").GetString() == "Findings");
        Assert.Equal((findings, findings - 21, 21), (sheet.GetProperty("rowsRead").GetInt32(), sheet.GetProperty("rowsImported").GetInt32(), sheet.GetProperty("rowsReported").GetInt32()));
        Assert.Equal(total, root.GetProperty("rowsRead").GetInt32());
        var problem = root.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "unbalancedQuote");
        Assert.Equal(("error", 10, "D10"), (problem.GetProperty("severity").GetString(), problem.GetProperty("row").GetInt32(), problem.GetProperty("cell").GetString()));
    }
}

using Xunit;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Gaps found by reviewing the input-integrity work (issue 12): rows on sheets the format does not know, a
/// duplicate sheet mistaken for an empty one, and messages that named the wrong thing.</summary>
public sealed class ReviewFindingsTests
{
    [Fact]
    public void CsvFileThatIsNoSheetOfTheFormat_ItsRowsAreReportedNotDroppedSilently()
    {
        var files = Valid();
        files["findings (2).csv"] = files["findings.csv"];
        files["notes.csv"] = "Note\n"; // a header only: nothing lost, nothing to say

        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var problem = Single(result, ProblemKind.SheetNotImported);
        Assert.Equal((ProblemSeverity.Warning, "findings (2).csv"), (problem.Severity, problem.Sheet!));
        // The Valid() findings.csv has 3 data rows.
        Assert.StartsWith("'findings (2).csv' is not a sheet of the format, so its 3 rows are not imported. If it is the Findings sheet, name it so.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenamedSheet_ItsRowsAreReportedWithTheSheetItWasMeantAs()
    {
        var sheets = ValidSheets();
        var flow = new Sheet("PRISMA flw", [new Cell("A1", "Stage"), new Cell("B1", "Count"), new Cell("A2", "Identified"), new Cell("B2", Number: 120)]);
        var result = ReadXlsx([.. sheets, flow, new Sheet("README", [new Cell("A1", "About"), new Cell("A2", "Written by a tool")])]);

        var problem = Single(result, ProblemKind.SheetNotImported);
        Assert.Equal("PRISMA flw", problem.Sheet);
        Assert.StartsWith("'PRISMA flw' is not a sheet of the format, so its 1 row is not imported.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateOfARequiredSheet_IsNotReportedAsThatSheetBeingEmpty()
    {
        var files = Valid();
        files["FINDINGS.csv"] = files["findings.csv"]; // read first (ordinal order), with its 3 rows
        files["findings.csv"] = FindingsHeader + "\n"; // the duplicate: a header only

        var result = EvidenceWorkbook.Read(CsvFolder(files));

        Single(result, ProblemKind.DuplicateSheet);
        Assert.DoesNotContain(result.Problems, p => p.Kind == ProblemKind.EmptySheet);
    }

    [Fact]
    public void VocabularyTermDeclaredTwice_SaysSo()
    {
        var files = Valid();
        files["vocabulary.csv"] = "Field,Term,Synonyms\nOutcome domain,Loneliness,\nOutcome domain,Loneliness,\n";

        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.DuplicateId);
        Assert.Equal(("Vocabulary", 3), (problem.Sheet!, problem.Row!.Value));
        Assert.StartsWith("'Loneliness' is declared twice", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOutcomeDomain_HintUsesTheRightArticle()
    {
        var files = Valid();
        files["findings.csv"] = FindingsHeader + "\nS01,,Astrology,,Improved,,,,\n";

        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var problem = Single(result, ProblemKind.UnknownVocabulary);
        Assert.Contains("To add an outcome domain, declare it on the Vocabulary sheet.", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("findings", 2)] // a quote opened in a data row's Outcome domain and never closed
    [InlineData("header", 1)] // a quote opened in the header row and never closed: the whole file in one header cell
    public void UnbalancedQuote_LaterProblemsQuoteOnlyTheValuesOwnLine(string where, int line)
    {
        var files = Valid();
        string findings = files["findings.csv"];
        files["findings.csv"] = where == "header"
            ? findings.Replace("Study ID,Intervention ID,Outcome domain", "Study ID,Intervention ID,\"Outcome domain", StringComparison.Ordinal)
            : findings.Replace("S01,,Social connection", "S01,,\"Social connection", StringComparison.Ordinal);
        Assert.NotEqual(findings, files["findings.csv"]);

        var result = EvidenceWorkbook.Read(CsvFolder(files));

        var quote = Single(result, ProblemKind.UnbalancedQuote);
        Assert.Equal(("Findings", line), (quote.Sheet!, quote.Row!.Value));
        Assert.All(result.Problems, p =>
        {
            Assert.DoesNotContain('\n', p.Message);
            Assert.DoesNotContain('\n', p.Value ?? "");
            Assert.DoesNotContain('\n', p.Column ?? "");
        });
    }
}

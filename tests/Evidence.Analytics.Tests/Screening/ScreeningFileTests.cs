using System.Text;

namespace Evidence.Analytics.Tests.Screening;

public class ScreeningFileTests
{
    private static ScreeningImport ReadCsv(string csv) =>
        ScreeningFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "decisions.csv");

    [Fact]
    public void Read_CsvWithTolerantSpellings_CountsTheTable()
    {
        var import = ReadCsv("""
            Record ID,Reviewer,Decision,Notes
            R1,AB,Include,
            R1,CD,included,
            R2,AB,exclude,
            R2,cd,Yes,borderline
            R3,AB,0,
            R3,CD,EXCLUDED,
            R4,CD,n,

            R4,AB,y,
            """);

        Assert.True(import.IsValid, string.Join("\n", import.Problems));
        var agreement = import.GetAgreementOrThrow();
        // R1 both include; R2 AB excludes, CD includes; R3 both exclude; R4 AB includes, CD excludes.
        Assert.Equal((1, 1, 1, 1), (agreement.BothInclude, agreement.FirstIncludesOnly, agreement.SecondIncludesOnly, agreement.BothExclude));
        Assert.Equal("AB", agreement.FirstScreener);
        Assert.Equal("CD", agreement.SecondScreener);
        Assert.Equal(8, import.Decisions.Length);
    }

    [Fact]
    public void Read_BadRows_ReportsEachProblemWithRowColumnAndValue()
    {
        var import = ReadCsv("""
            record,screener,decision
            R0,AB,include
            R0,CD,include
            R1,AB,include
            R1,CD,maybe
            R2,AB,exclude
            R2,AB,include
            ,CD,exclude
            R3,EF,include
            R4,AB,exclude
            """);

        Assert.False(import.IsValid);
        Assert.Null(import.Agreement);
        var messages = import.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("error: decisions.csv: row 5, column 'decision' (C5): 'maybe' is not a known screening decision; expected one of: Include; Exclude.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("error: decisions.csv: row 7, column 'record' (A7): AB already decided record R2 on row 6", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("error: decisions.csv: row 8, column 'record' (A8): The record id is blank.", StringComparison.Ordinal));
        Assert.Equal(("maybe", "R2", ""), (import.Problems.Single(p => p.Row == 5).Value, import.Problems.Single(p => p.Row == 7).Value, import.Problems.Single(p => p.Row == 8).Value));
        Assert.Contains(messages, m => m.Contains("row 9") && m.Contains("third screener"));
        Assert.Contains(messages, m => m.Contains("row 10") && m.Contains("Record R4 was screened by AB only; CD's decision is missing."));
        Assert.Contains(messages, m => m.Contains("row 4") && m.Contains("Record R1 was screened by AB only"));
        Assert.Equal(7, messages.Count);
        Assert.Throws<FormatException>(import.GetAgreementOrThrow);
    }

    [Fact]
    public void Read_MissingColumn_NamesTheHeadingsFound()
    {
        var import = ReadCsv("record,person,decision\nR1,AB,include\n");

        var problem = Assert.Single(import.Problems);
        Assert.Equal(1, problem.Row);
        Assert.Contains("No column for 'screener'", problem.Message);
        Assert.Contains("'person'", problem.Message);
    }

    [Fact]
    public void Read_Workbook_ReadsTheScreeningSheet()
    {
        string path = Path.Combine(Path.GetTempPath(), $"screening-{Guid.NewGuid():N}.xlsx");
        try
        {
            TestWorkbooks.Write(path,
                ("Notes", [["not", "decisions"]]),
                ("Screening", [["Record", "Screener", "Decision"], [101, "AB", "Include"], [101, "CD", "Include"], [102, "AB", "Exclude"], [102, "CD", "Include"]]));

            var import = ScreeningFile.Read(path);

            Assert.True(import.IsValid, string.Join("\n", import.Problems));
            Assert.Equal("101", import.Decisions[0].RecordId);
            Assert.Equal((1, 0, 1, 0), (import.Agreement!.BothInclude, import.Agreement.FirstIncludesOnly, import.Agreement.SecondIncludesOnly, import.Agreement.BothExclude));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromDecisions_InMemory_MatchesCounts()
    {
        ScreeningRecord[] decisions =
        [
            new("R1", "A", ScreeningDecision.Include), new("R1", "B", ScreeningDecision.Exclude),
            new("R2", "A", ScreeningDecision.Exclude), new("R2", "B", ScreeningDecision.Exclude),
        ];

        var agreement = ScreeningFile.FromDecisions(decisions).GetAgreementOrThrow();

        Assert.Equal((0, 1, 0, 1), (agreement.BothInclude, agreement.FirstIncludesOnly, agreement.SecondIncludesOnly, agreement.BothExclude));
    }
}

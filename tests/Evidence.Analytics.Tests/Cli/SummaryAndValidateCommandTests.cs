using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Import;
using Xunit;

namespace Evidence.Analytics.Tests.Cli;

/// <summary><c>evidence summary</c> and <c>evidence validate</c>: exit codes (0 valid, 1 problems, 2 usage or unreadable),
/// tables, and the JSON shape.</summary>
public sealed class SummaryAndValidateCommandTests
{
    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliRunner.Run(args);

    private static string Sample => SampleDataTests.SampleFolder;

    private static string BadFolder()
    {
        var files = TestWorkbooks.Valid();
        files["studies.csv"] = TestWorkbooks.StudiesHeader + "\nS01,Example A,1850,Trial,,RTC,UK,I01,,,,,\nS02,Example C,2021,Interviews,,Qualitative,UK,I01; I02,,,,,\n";
        return TestWorkbooks.CsvFolder(files);
    }

    [Fact]
    public async Task Validate_ErrorsOutsideTheRows_TallyDoesNotSayTheRowsWereImported()
    {
        // Issue 16: "5 errors … 1 of 1 rows imported" contradicted itself. A misspelt required header is an error of the
        // sheet, not of its rows: nothing is imported, and the tally counts the rows without an error of their own.
        var files = TestWorkbooks.Valid();
        files["findings.csv"] = files["findings.csv"].Replace(TestWorkbooks.FindingsHeader, TestWorkbooks.FindingsHeader.Replace("Direction", "Directn", StringComparison.Ordinal), StringComparison.Ordinal);

        var (exit, output, error) = await Run("validate", TestWorkbooks.CsvFolder(files));

        Assert.Equal(EvidenceCli.InputProblems, exit);
        string text = output + error;
        Assert.Matches(@"\d+ errors? and \d+ warnings? in .+, so nothing is imported; \d+ of \d+ rows have no error of their own\.", text);
        Assert.DoesNotContain("rows imported", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_Sample_PrintsTablesAndExitsZero()
    {
        var (exit, output, _) = await Run("summary", Sample);

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Contains("13,851 records screened, 33 studies", output, StringComparison.Ordinal);
        Assert.Matches(@"Social support\s+│\s+23", output);
        Assert.Matches(@"Service navigation\s+│\s+7", output);
    }

    [Fact]
    public async Task Summary_Json_HasPublishedCountsInDisplayOrder()
    {
        var (exit, output, error) = await Run("summary", Sample, "--json");

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(33, root.GetProperty("studies").GetInt32());
        Assert.Equal(31, root.GetProperty("interventions").GetInt32());
        Assert.Equal([("RCT", 15), ("Qualitative", 6), ("Other", 12)], Pairs(root, "designGroups"));
        Assert.Equal(
            [("Social support", 23), ("Education/information", 16), ("Physical wellbeing", 11), ("Creative/recreational", 10), ("Therapeutic support", 9), ("Service navigation", 7)],
            Pairs(root, "interventionTypes"));
        Assert.Equal(["UK", "Australia", "USA"], Pairs(root, "countries").Take(3).Select(p => p.Label));
        foreach (string name in new[] { "designs", "typologyLevels", "outcomeDomains", "directions" })
            Assert.Equal(JsonValueKind.Object, root.GetProperty(name).ValueKind);
        Assert.Equal(76, Pairs(root, "directions").Sum(p => p.Count));
    }

    [Fact]
    public async Task Summary_InvalidWorkbook_ListsProblemsAndExitsOne()
    {
        var (exit, output, error) = await Run("summary", BadFolder());

        Assert.Equal(EvidenceCli.InputProblems, exit);
        Assert.Equal("", output);
        Assert.Contains("Studies, row 2, column 'Year' (C2)", error, StringComparison.Ordinal);
        Assert.Contains("Studies, row 2, column 'Design' (F2)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Sample_ExitsZero()
    {
        var (exit, output, _) = await Run("validate", Sample);

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Problems_ListsEveryOneWithLocationAndExitsOne()
    {
        var (exit, output, _) = await Run("validate", BadFolder());

        Assert.Equal(EvidenceCli.InputProblems, exit);
        Assert.Contains("error: ", output, StringComparison.Ordinal);
        Assert.Contains("Studies, row 2, column 'Year' (C2): 1850 is not a plausible year", output, StringComparison.Ordinal);
        Assert.Contains("'RTC' is not a known design; expected one of: RCT;", output, StringComparison.Ordinal);
        Assert.Contains("2 errors and 0 warnings", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_ListsProblemsWithLocation()
    {
        var (exit, output, _) = await Run("validate", BadFolder(), "--json");

        Assert.Equal(EvidenceCli.InputProblems, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(2, root.GetProperty("errors").GetInt32());
        Assert.Equal(root.GetProperty("rowsRead").GetInt32(), root.GetProperty("rowsImported").GetInt32() + root.GetProperty("rowsReported").GetInt32());
        var first = root.GetProperty("problems")[0];
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("yearOutOfRange", first.GetProperty("kind").GetString());
        Assert.Equal("Studies", first.GetProperty("sheet").GetString());
        Assert.Equal(2, first.GetProperty("row").GetInt32());
        Assert.Equal("Year", first.GetProperty("column").GetString());
        Assert.Equal("C2", first.GetProperty("cell").GetString());
        Assert.Equal("1850", first.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var (exit, output, _) = await Run("validate", Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".xlsx"));

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("There is no file or folder", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_MissingArgument_IsUsageError()
    {
        var (exit, _, error) = await Run("summary");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.NotEqual("", error);
    }

    private static List<(string Label, int Count)> Pairs(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList();
}

using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Import;

namespace Evidence.Analytics.Tests.Cli;

/// <summary><c>evidence map</c>, <c>evidence share</c> and <c>evidence agreement</c>: output shapes, vocabulary spellings and exit codes.</summary>
public sealed class MapShareAgreementCommandTests
{
    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliRunner.Run(args);

    private static string Sample => SampleDataTests.SampleFolder;

    [Fact]
    public async Task Map_FilterMatchingNoStudy_SaysSoInsteadOfListingGaps()
    {
        // The sample's studies are published 2008–2024: none in or after 2030.
        var (exit, output, _) = await Run("map", Sample, "--from-year", "2030");

        Assert.Equal(0, exit);
        Assert.StartsWith("No study matches the filter (", output, StringComparison.Ordinal);
        Assert.Contains("so there is nothing to map and no gap to report.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Gaps:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspeltCommand_SuggestsTheNearestAndPrintsUsage_ExitTwo()
    {
        var (exit, output, error) = await Run("mpa", Sample);

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Equal("", output);
        Assert.StartsWith("'mpa' is not an evidence command. Did you mean 'map'?", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_SignTestFarBelowTheFloor_IsNeverPEqualsZero()
    {
        // Social connection in the sample, qualitative studies included: 19 studies improved, 0 worsened (issue 16): the
        // exact two-sided P is 2 · 0.5¹⁹ = 3.8e-6, which the old "0.####" format printed as "P = 0".
        var (exit, output, _) = await Run("share", Sample, "--outcome", "social connection", "--include-qualitative");

        Assert.Equal(0, exit);
        Assert.Contains("Sign test (improved 19 vs worsened 0, exact, two-sided): P < 0.0001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("P = 0" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_SampleJson_HasLabelsCellsAndDistinctTotals()
    {
        var (exit, output, error) = await Run("map", Sample, "--json");

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["Social support", "Education/information", "Physical wellbeing", "Creative/recreational", "Therapeutic support", "Service navigation"],
            root.GetProperty("rows").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(7, root.GetProperty("columns").GetArrayLength());
        Assert.Equal(42, root.GetProperty("cells").GetArrayLength());
        var cell = root.GetProperty("cells")[0];
        Assert.Equal("Social support", cell.GetProperty("row").GetString());
        Assert.Equal("Social connection", cell.GetProperty("column").GetString());
        int studies = cell.GetProperty("studies").GetInt32();
        Assert.Equal(studies, cell.GetProperty("studyIds").GetArrayLength());
        var groups = cell.GetProperty("designGroups");
        Assert.Equal(studies, groups.GetProperty("rct").GetInt32() + groups.GetProperty("qualitative").GetInt32() + groups.GetProperty("other").GetInt32());
        Assert.Equal(5, cell.GetProperty("directions").EnumerateObject().Count());
        Assert.Equal([23, 16, 11, 10, 9, 7], root.GetProperty("rowTotals").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(33, root.GetProperty("totalStudies").GetInt32());
    }

    [Fact]
    public async Task Map_DesignAndCountrySpellings_FilterTheMap()
    {
        var (exit, output, _) = await Run("map", Sample, "--rows", "design group", "--columns", "COUNTRY", "--design", "randomised controlled trial", "--json");

        Assert.Equal(EvidenceCli.Success, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([15, 0, 0], json.RootElement.GetProperty("rowTotals").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Map_Csv_HasOneLinePerCellThenTotals()
    {
        var (exit, output, _) = await Run("map", Sample, "--csv");

        Assert.Equal(EvidenceCli.Success, exit);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("row,column,studies,rct,qualitative,other,improved,noDifference,worsened,mixed,notReported,findings,studyIds", lines[0]);
        Assert.Equal(1 + 42 + 6 + 7 + 1, lines.Length);
        Assert.Equal("Total,Total,33,,,,,,,,,,", lines[^1]);
    }

    [Fact]
    public async Task Map_Table_PrintsTotalsAndGaps()
    {
        var (exit, output, _) = await Run("map", Sample);

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Contains("Gaps:", output, StringComparison.Ordinal);
        Assert.Matches(@"Total\s+│\s+\d+\s+│", output);
    }

    [Fact]
    public async Task Map_UnknownDimension_ListsAcceptedValuesAndExitsTwo()
    {
        var (exit, _, error) = await Run("map", Sample, "--rows", "colour");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("'colour' is not a known map dimension; expected one of: Intervention type; Outcome domain;", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_UnknownDesign_ExitsTwo()
    {
        var (exit, _, error) = await Run("map", Sample, "--design", "astrology");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("'astrology' is not a known design group or design", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MissingFile_ExitsTwo()
    {
        var (exit, _, _) = await Run("map", Path.Combine(Path.GetTempPath(), "no-such-evidence.xlsx"));

        Assert.Equal(EvidenceCli.UsageError, exit);
    }

    [Fact]
    public async Task Share_SampleJson_HasEveryField()
    {
        var (exit, output, error) = await Run("share", Sample, "--outcome", "social connection", "--design", "rct", "--json");

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        int numerator = root.GetProperty("numerator").GetInt32(), denominator = root.GetProperty("denominator").GetInt32();
        Assert.Equal(numerator, root.GetProperty("improved").GetInt32());
        Assert.Equal(denominator, root.GetProperty("improved").GetInt32() + root.GetProperty("noDifference").GetInt32() + root.GetProperty("worsened").GetInt32() + root.GetProperty("mixed").GetInt32());
        Assert.Equal((double)numerator / denominator, root.GetProperty("proportion").GetDouble(), 12);
        var interval = Proportion.Compute(numerator, denominator);
        Assert.Equal(interval.Lower, root.GetProperty("lower").GetDouble(), 12);
        Assert.Equal(interval.Upper, root.GetProperty("upper").GetDouble(), 12);
        Assert.Equal("Wilson", root.GetProperty("method").GetString());
        Assert.Equal(0.95, root.GetProperty("level").GetDouble());
        Assert.Equal(SignTest.TwoSidedP(numerator, root.GetProperty("worsened").GetInt32()), root.GetProperty("signTestP").GetDouble(), 12);
        Assert.Equal("RCTs, Social connection", root.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Share_MethodAndLevel_AreApplied()
    {
        var (exit, output, _) = await Run("share", Sample, "--outcome", "Social Connection", "--method", "clopper-pearson", "--level", "0.9", "--json");

        Assert.Equal(EvidenceCli.Success, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Clopper-Pearson", json.RootElement.GetProperty("method").GetString());
        Assert.Equal(0.9, json.RootElement.GetProperty("level").GetDouble());
    }

    [Fact]
    public async Task Share_Rank_PutsSocialConnectionFirst()
    {
        var (exit, output, _) = await Run("share", Sample, "--outcome", "all", "--design", "RCT", "--rank", "--json");

        Assert.Equal(EvidenceCli.Success, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Social connection", json.RootElement.GetProperty("ranking")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Share_UnknownOutcomeOrMethod_ExitsTwo()
    {
        // A bad method is refused before the file is read; the outcome is read against the review's vocabularies once it is.
        var (exit, _, error) = await Run("share", Sample, "--outcome", "happiness", "--method", "bayes");
        var (outcomeExit, _, outcomeError) = await Run("share", Sample, "--outcome", "happiness");

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("'bayes' is not a known interval method; expected one of: Wilson; Clopper-Pearson; Agresti-Coull.", error, StringComparison.Ordinal);
        Assert.Equal(EvidenceCli.UsageError, outcomeExit);
        Assert.Contains("'happiness' is not a known outcome domain; expected one of: Social connection;", outcomeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_Text_ReadsAsAHeadline()
    {
        var (exit, output, _) = await Run("share", Sample, "--outcome", "social connection", "--design", "rct");

        Assert.Equal(EvidenceCli.Success, exit);
        // By hand from studies.csv and findings.csv: S01–S04, S07, S08, S10 improved, S12 and S15 no difference; Wilson 0.453–0.937.
        Assert.Contains("Improved in 7 of 9 RCTs that reported a direction: 77.8% (95% CI 45.3% to 93.7%, Wilson)", output, StringComparison.Ordinal);
        Assert.Contains("Sign test", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_AllDesigns_NamesItsDenominatorAndReportsQualitativeStudiesBeside()
    {
        // Issue 16: 22 studies measured social connection; the 6 qualitative ones (S16–S21, all improved) do not vote, so
        // 13 of the 16 quantitative studies improved (S12, S15, S33 no difference); sign test 2 · 0.5¹³ = 0.000244.
        var (exit, output, _) = await Run("share", Sample, "--outcome", "social connection");

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Contains("Improved in 13 of 16 quantitative studies that reported a direction: 81.3%", output, StringComparison.Ordinal);
        Assert.Contains("22 studies measured the outcome; beside the share, not counted in it: 6 qualitative studies describing improvement", output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("Sign test (improved 13 vs worsened 0, exact, two-sided): P = 0.00024", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreement_Csv_WritesKappaJson()
    {
        string path = Path.Combine(Path.GetTempPath(), $"agreement-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "record,screener,decision\n1,AB,include\n1,CD,include\n2,AB,exclude\n2,CD,exclude\n3,AB,include\n3,CD,exclude\n4,AB,exclude\n4,CD,exclude\n");

            var (exit, output, error) = await Run("agreement", path, "--json");

            Assert.Equal(EvidenceCli.Success, exit);
            Assert.Equal("", error);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            // a = 1, b = 1, c = 0, d = 2: p_o = 0.75, p_e = 0.5·0.25 + 0.5·0.75 = 0.5, κ = 0.5 (by hand).
            Assert.Equal(75, root.GetProperty("percentAgreement").GetDouble(), 12);
            Assert.Equal(0.5, root.GetProperty("kappa").GetDouble(), 12);
            Assert.Equal(0.5, root.GetProperty("pabak").GetDouble(), 12);
            Assert.Equal("moderate", root.GetProperty("band").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Agreement_BadDecisions_ListsProblemsAndExitsOne()
    {
        string path = Path.Combine(Path.GetTempPath(), $"agreement-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "record,screener,decision\n1,AB,include\n1,CD,perhaps\n");

            var (exit, output, error) = await Run("agreement", path);

            Assert.Equal(EvidenceCli.InputProblems, exit);
            Assert.Equal("", output);
            Assert.Contains("row 3, column 'decision' (C3): 'perhaps' is not a known screening decision", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Agreement_MissingFile_ExitsTwo()
    {
        var (exit, _, _) = await Run("agreement", Path.Combine(Path.GetTempPath(), "no-such-decisions.csv"));

        Assert.Equal(EvidenceCli.UsageError, exit);
    }
}

using System.Text.Json;

namespace Evidence.Analytics.Tests.Cli;

/// <summary><c>evidence meta</c>: the dat.bcg table pooled to metafor's numbers, JSON with the issue's fields, charts
/// written, and bad tables refused with the file, row, column and value named.</summary>
public sealed class MetaCommandTests : IDisposable
{
    private static readonly string Bcg = Path.Combine(AppContext.BaseDirectory, "MetaAnalysis", "reference", "bcg.csv");
    private static readonly string[] BcgColumns = ["--measure", "RR", "--ai", "tpos", "--bi", "tneg", "--ci", "cpos", "--di", "cneg"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evidence-meta-" + Guid.NewGuid().ToString("N"));

    public MetaCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Table(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Meta_BcgRiskRatioJson_HasTheIssuesFieldsAtMetaforsValues()
    {
        var (exit, output, error) = await CliRunner.Run(["meta", Bcg, .. BcgColumns, "--json"]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var json = JsonDocument.Parse(output).RootElement;
        double Number(string name) => json.GetProperty(name).GetDouble();
        Assert.Equal(13, json.GetProperty("k").GetInt32());
        Assert.Equal("RR", json.GetProperty("measure").GetString());
        Assert.Equal("REML", json.GetProperty("method").GetString());
        Assert.Equal("z", json.GetProperty("test").GetString());
        Assert.Equal(-0.714532, Number("estimate"), 1e-4);
        Assert.Equal(0.179782, Number("se"), 1e-4);
        Assert.Equal(-1.066898, Number("ciLower"), 1e-4);
        Assert.Equal(-0.362167, Number("ciUpper"), 1e-4);
        Assert.Equal(0.313243, Number("tau2"), 1e-4);
        Assert.Equal(0.1197, Number("tau2CiLower"), 1e-4);
        Assert.Equal(1.1115, Number("tau2CiUpper"), 1e-4);
        Assert.Equal(92.2214, Number("i2"), 1e-2);
        Assert.Equal(12.8558, Number("h2"), 1e-3);
        Assert.Equal(152.2330, Number("q"), 1e-4);
        Assert.Equal(12, json.GetProperty("qDf").GetInt32());
        Assert.Equal(-1.8667, Number("piLower"), 1e-4);
        Assert.Equal(0.4376, Number("piUpper"), 1e-4);
        Assert.True(json.GetProperty("converged").GetBoolean());
        foreach (var field in new[] { "statistic", "pValue", "qP" }) Assert.True(json.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Meta_BcgText_StatesTheRiskRatioOnTheNaturalScaleAndWritesBothCharts()
    {
        string forest = Path.Combine(_folder, "forest.svg"), funnel = Path.Combine(_folder, "funnel.svg");

        var (exit, output, _) = await CliRunner.Run(["meta", Bcg, .. BcgColumns, "-o", forest, "--funnel", funnel]);

        Assert.Equal(0, exit);
        Assert.Contains("Risk ratio 0.49 (95% CI 0.34 to 0.70); prediction interval 0.15 to 1.55", output, StringComparison.Ordinal);
        Assert.Contains("Q(12) = 152.233", output, StringComparison.Ordinal);
        Assert.Contains("Aronson", File.ReadAllText(forest), StringComparison.Ordinal);
        Assert.Contains("imputed", File.ReadAllText(funnel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_GenericKnappHartungWithFallback_ReadsYiVi()
    {
        string path = Table("gen.csv", "study,yi,vi\nA,0.1,0.04\nB,0.5,0.09\nC,-0.2,0.02\n");

        var (exit, output, _) = await CliRunner.Run(["meta", path, "--method", "REML,DL", "--test", "knha", "--json"]);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("GEN", json.GetProperty("measure").GetString());
        Assert.Equal("knha", json.GetProperty("test").GetString());
        Assert.Equal(3, json.GetProperty("k").GetInt32());
    }

    [Fact]
    public async Task Meta_NegativeCount_NamesFileRowColumnAndValue()
    {
        string path = Table("counts.csv", "study,ai,bi,ci,di\nA,4,119,11,128\nB,-6,300,29,274\n");

        var (exit, _, error) = await CliRunner.Run(["meta", path, "--measure", "OR"]);

        Assert.Equal(1, exit);
        Assert.Contains("counts.csv row 3, column ai (B3), value '-6': Events in group 1 -6 is negative.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_ZeroVariance_NamesTheVarianceColumn()
    {
        string path = Table("gen.csv", "study,yi,vi\nA,0.1,0.04\nB,0.5,0\n");

        var (exit, _, error) = await CliRunner.Run(["meta", path]);

        Assert.Equal(1, exit);
        Assert.Contains("gen.csv row 3, column vi (C3), value '0': The sampling variance 0 is not a positive number.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_TextWhereANumberBelongs_IsRefusedByCell()
    {
        string path = Table("gen.csv", "study,yi,vi\nA,0.1,0.04\nB,n/a,0.02\n");

        var (exit, _, error) = await CliRunner.Run(["meta", path]);

        Assert.Equal(1, exit);
        Assert.Contains("gen.csv row 3, column yi (B3), value 'n/a': not a number.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_SeveralBadCells_ListsEveryOneWithItsLocationThenATally()
    {
        // Row 2: text for a number; row 3: a missing value; row 4: a variance the effect size refuses; row 5 is good.
        string path = Table("gen.csv", "study,yi,vi\nA,n/a,0.04\nB,0.5,\nC,0.2,0\nD,0.3,0.02\n");

        var (exit, output, error) = await CliRunner.Run(["meta", path]);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
        [
            "gen.csv row 2, column yi (B2), value 'n/a': not a number.",
            "gen.csv row 3, column vi (C3), value '': the value is missing.",
            "gen.csv row 4, column vi (C4), value '0': The sampling variance 0 is not a positive number.",
            "3 problems in gen.csv, so nothing is pooled.",
        ], lines);
    }

    [Fact]
    public async Task Meta_OneStudy_SaysTwoAreNeeded()
    {
        string path = Table("one.csv", "study,yi,vi\nA,0.1,0.04\n");

        var (exit, _, error) = await CliRunner.Run(["meta", path]);

        Assert.Equal(1, exit);
        Assert.Contains("one.csv: A meta-analysis needs at least 2 studies; there is 1.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_MissingColumn_NamesItAndTheOptionThatSetsIt()
    {
        var (exit, _, error) = await CliRunner.Run(["meta", Bcg, "--measure", "RR"]);

        Assert.Equal(2, exit);
        Assert.Contains("there is no column 'ai' (ai) for RR", error, StringComparison.Ordinal);
        Assert.Contains("Name it with --ai.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_RemlThatDoesNotConverge_IsAnErrorWithoutAFallbackAndReportedWithOne()
    {
        var (exit, output, error) = await CliRunner.Run(["meta", Bcg, .. BcgColumns, "--max-iterations", "2"]);
        var (exitFallback, outputFallback, _) = await CliRunner.Run(["meta", Bcg, .. BcgColumns, "--max-iterations", "2", "--method", "REML,DL", "--json"]);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("bcg.csv: REML: Fisher scoring did not converge in 2 iterations", error, StringComparison.Ordinal);
        Assert.Equal(0, exitFallback);
        var json = JsonDocument.Parse(outputFallback).RootElement;
        Assert.False(json.GetProperty("converged").GetBoolean());
        Assert.Equal("DL", json.GetProperty("method").GetString());
        Assert.Equal(0.308760, json.GetProperty("tau2").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task Meta_UnknownMeasureOrMethod_IsAUsageError()
    {
        Assert.Equal(2, (await CliRunner.Run(["meta", Bcg, "--measure", "HR"])).Exit);
        Assert.Equal(2, (await CliRunner.Run(["meta", Bcg, "--method", "XYZ"])).Exit);
        Assert.Equal(2, (await CliRunner.Run(["meta", Path.Combine(_folder, "missing.csv")])).Exit);
    }
}

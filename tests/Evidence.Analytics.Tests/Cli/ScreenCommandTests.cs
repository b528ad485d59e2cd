using System.Text.Json;
using Evidence.Analytics.Tests.Screening;

namespace Evidence.Analytics.Tests.Cli;

public sealed class ScreenCommandTests
{
    [DatasetFact("asreview-fixtures/scopus.ris")]
    public async Task ScreenImport_MergesDeduplicatesAndWritesTheRecords()
    {
        string output = Path.Combine(Path.GetTempPath(), $"screen-import-{Guid.NewGuid():N}.csv");
        string scopus = SharedDatasets.Fixture("scopus.ris");
        try
        {
            // The same file twice: each of its 6 records has a duplicate with the same DOI.
            var (exit, stdout, stderr) = await CliRunner.Run("screen", "import", scopus, scopus, "-o", output, "--json");

            Assert.Equal(0, exit);
            Assert.Equal("", stderr);
            var json = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal((12, 6, 6), (json.GetProperty("identified").GetInt32(), json.GetProperty("duplicatesRemoved").GetInt32(), json.GetProperty("records").GetInt32()));
            Assert.All(json.GetProperty("groups").EnumerateArray(), g => Assert.Equal("doi", g.GetProperty("reason").GetString()));
            var reread = RecordFile.Read(output).GetRecordsOrThrow();
            Assert.Equal(6, reread.Length);
            Assert.Equal("10.1016/j.psyneuen.2019.104501", reread[0].Doi);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>An ASReview project's records: the demo project's record table has 100 rows, 10 with included = 1 (worked
    /// out with python3's sqlite3 on a copy, see <see cref="AsreviewProjectTests"/>); the dataset's labels are kept.</summary>
    [DatasetFact("asreview-fixtures/asreview-demo-project.asreview")]
    public async Task ScreenImport_AsreviewProject_ReadsItsRecords()
    {
        string output = Path.Combine(Path.GetTempPath(), $"screen-import-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, stdout, stderr) = await CliRunner.Run("screen", "import", SharedDatasets.Fixture("asreview-demo-project.asreview"), "-o", output, "--json", "--keep-duplicates");

            Assert.Equal(0, exit);
            Assert.Equal("", stderr);
            var json = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal((100, 100), (json.GetProperty("identified").GetInt32(), json.GetProperty("records").GetInt32()));
            var reread = RecordFile.Read(output).GetRecordsOrThrow();
            Assert.Equal((100, 10), (reread.Length, reread.Count(r => r.Included == true)));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task ScreenImport_RisRecordWithoutEr_ExitsWithTheLocatedError()
    {
        string file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.ris");
        await File.WriteAllTextAsync(file, "TY  - JOUR\nTI  - One\n");
        try
        {
            var (exit, _, stderr) = await CliRunner.Run("screen", "import", file);

            Assert.Equal(1, exit);
            Assert.Contains($"error: {Path.GetFileName(file)}: row 1, column 'ER': Record 1 (line 1, 'One') has no 'ER  -' line", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ScreenSimulate_Json_HasTheIssuesFields()
    {
        string file = Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "title,abstract,included" };
        for (int i = 0; i < 40; i++)
            lines.Add(i % 4 == 0 ? $"Nudge reminder trial {i},Default options nudge doctors,1" : $"Hospital cost study {i},Costs of beds in region {i % 5},0");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var (exit, stdout, stderr) = await CliRunner.Run("screen", "simulate", file, "--model", "nb", "--seed", "2", "--stop", "irrelevant:3", "--json");

            Assert.True(exit == 0, stderr);
            var json = JsonDocument.Parse(stdout).RootElement;
            foreach (string name in (string[])["records", "relevant", "model", "seed", "wss95", "wss100", "recallAt10", "recallAt25", "erfAt10", "loss", "atd", "stepsToLastRelevant", "stop"])
                Assert.True(json.TryGetProperty(name, out _), name);
            Assert.Equal((40, 10, "elas_u3", 2), (json.GetProperty("records").GetInt32(), json.GetProperty("relevant").GetInt32(), json.GetProperty("model").GetString(), json.GetProperty("seed").GetInt32()));
            Assert.Equal("irrelevant:3", json.GetProperty("stop").GetProperty("rule").GetString());
            Assert.Equal("3.822", json.GetProperty("parameters").GetProperty("classifier.alpha").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ScreenSimulate_Chart_WritesTheRecallChartOfTheReportedSimulation()
    {
        string file = Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}.csv");
        string chart = Path.ChangeExtension(file, ".svg");
        var lines = new List<string> { "title,abstract,included" };
        for (int i = 0; i < 40; i++)
            lines.Add(i % 4 == 0 ? $"Nudge reminder trial {i},Default options nudge doctors,1" : $"Hospital cost study {i},Costs of beds in region {i % 5},0");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var (exit, stdout, stderr) = await CliRunner.Run("screen", "simulate", file, "--seed", "4", "--json", "--chart", chart);

            Assert.True(exit == 0, stderr);
            var json = JsonDocument.Parse(stdout).RootElement;
            var root = new Charts.SvgInspector(await File.ReadAllTextAsync(chart)).ByClass("recall-chart").Single();
            // The metrics' records exclude the 1 + 1 priors, as the chart's do.
            Assert.Equal(json.GetProperty("records").GetInt32() - 2, (int)Charts.SvgInspector.Num(root, "data-records"));
            Assert.Equal(json.GetProperty("wss95").GetDouble(), Charts.SvgInspector.Num(root, "data-wss95"), 12);
            Assert.Equal(json.GetProperty("stepsToLastRelevant").GetInt32(), (int)Charts.SvgInspector.Num(root, "data-last-relevant"));
        }
        finally
        {
            File.Delete(file);
            File.Delete(chart);
        }
    }

    [Fact]
    public async Task ScreenSimulate_UnknownModel_IsAUsageError()
    {
        var (exit, _, stderr) = await CliRunner.Run("screen", "simulate", "any.csv", "--model", "forest");

        Assert.Equal(2, exit);
        Assert.Contains("'forest' is not a screening model", stderr, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Xml.Linq;
using Evidence.Analytics.Cli;

namespace Evidence.Analytics.Tests.Cli;

public sealed class ReportCommandTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "data-samples", name);

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "evidence-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Report_Sample_WritesEveryChartTheWorkbookAndTheMap()
    {
        string folder = NewFolder();
        try
        {
            var (exit, output, error) = await CliRunner.Run("report", Sample("postpartum-social-prescribing.xlsx"), "-o", folder);

            Assert.True(exit == EvidenceCli.Success, error);
            string[] realistCharts = ["cmo-configuration-matrix.svg", "cmo-themes-by-family.svg"];
            foreach (var (fileName, _) in ReportCommand.Charts.Where(c => !realistCharts.Contains(c.FileName)))
            {
                var svg = XDocument.Load(Path.Combine(folder, "charts", fileName));
                Assert.Equal("svg", svg.Root!.Name.LocalName);
                Assert.Contains("charts/" + fileName, output);
            }
            Assert.All(realistCharts, fileName => Assert.Contains(ReportCommand.Charts, c => c.FileName == fileName));
            Assert.All(realistCharts, fileName => Assert.False(File.Exists(Path.Combine(folder, "charts", fileName)), $"a review without configurations has no matrix ({fileName})"));
            // The Summary sheet's "Spreadsheet rows imported" (worded apart from PRISMA's records) is the importer's rows imported, as `evidence validate` counts them.
            var summary = Evidence.Analytics.Tests.Excel.XlsxRead.Sheets(File.ReadAllBytes(Path.Combine(folder, ReportCommand.SummaryFileName)))["Summary"];
            var imported = summary.Single(row => row[0] as string == "Spreadsheet rows imported")[1];
            var import = EvidenceWorkbook.Read(Sample("postpartum-social-prescribing.xlsx"));
            Assert.Equal(import.RowsImported, Convert.ToInt32(imported, System.Globalization.CultureInfo.InvariantCulture));
            // Rows include the Review, Vocabulary and Flow sheets' rows, so they outnumber the records.
            var evidence = import.Evidence!;
            Assert.True(import.RowsImported > evidence.Studies.Length + evidence.Interventions.Length + evidence.Findings.Length);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(folder, ReportCommand.MapFileName)), StringComparison.OrdinalIgnoreCase);
            // The sample assesses its 15 RCTs with RoB 2: both plots, and a Risk of bias table of 15 rows in the workbook.
            var traffic = XDocument.Load(Path.Combine(folder, "charts", "risk-of-bias-traffic-light.svg"));
            Assert.Equal(15, traffic.Descendants().Count(e => (string?)e.Attribute("class") == "study-row"));
            var rob = Evidence.Analytics.Tests.Excel.XlsxRead.Sheets(File.ReadAllBytes(Path.Combine(folder, ReportCommand.SummaryFileName)))["Risk of bias"];
            Assert.Equal(["Study ID", "Study", "Tool", "D1", "D1b", "D2", "D3", "D4", "D5", "Overall", "Weight"], rob[0].Select(c => c as string));
            Assert.Equal(15, rob.Skip(1).Count(row => row.Length > 2 && row[2] is "RoB 2" or "RoB 2 cluster"));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Report_Sample_WritesAForestPlotPerPooledCellAndTheMetaAnalysisSheet()
    {
        string folder = NewFolder();
        try
        {
            var (exit, output, error) = await CliRunner.Run("report", Sample("postpartum-social-prescribing.xlsx"), "-o", folder);

            Assert.True(exit == EvidenceCli.Success, error);
            // S03 and S15 report SMDs on mental health and evaluate social-support interventions (see FindingsPoolingTests).
            var svg = XDocument.Load(Path.Combine(folder, "charts", "forest-mental-health-social-support-smd.svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Contains("charts/forest-mental-health-social-support-smd.svg", output);
            Assert.Contains("S03 ", svg.ToString(), StringComparison.Ordinal);
            // The plot names what was pooled: the file name alone would not tell a reader of the printed chart.
            Assert.Contains("Mental health, Social support: Standardised mean difference", svg.ToString(), StringComparison.Ordinal);
            var epds = XDocument.Load(Path.Combine(folder, "charts", "forest-mental-health-social-support-md-epds.svg")).ToString();
            Assert.Contains("Mental health, Social support (EPDS): Mean difference", epds, StringComparison.Ordinal);
            var sheet = Evidence.Analytics.Tests.Excel.XlsxRead.Sheets(File.ReadAllBytes(Path.Combine(folder, ReportCommand.SummaryFileName)))["Meta-analysis"];
            Assert.Contains(Evidence.Analytics.Tests.Excel.XlsxRead.Texts(sheet), t => t.StartsWith("Mental health, Social support: pooled standardised mean difference −0.29 (95% CI −0.43 to −0.15) across 2 studies (2 RCTs)", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Report_TenThousandStudies_EverySvgUnderOneMegabyteAndThePerStudyChartsSayTheyAggregate()
    {
        string folder = NewFolder(), input = NewFolder();
        try
        {
            Directory.CreateDirectory(input);
            string workbook = Path.Combine(input, "synthetic-10000.xlsx");
            var synthetic = Evidence.Analytics.Testing.SyntheticEvidence.Generate(10_000);
            Evidence.Analytics.Excel.EvidenceWorkbookWriter.Write(synthetic, workbook);
            // The effect direction plot's rows are the quantitative studies (qualitative studies do not vote by default).
            int quantitative = synthetic.Studies.Count(s => s.Design.Group() != DesignGroup.Qualitative);

            var (exit, output, error) = await CliRunner.Run("report", workbook, "-o", folder);

            Assert.True(exit == EvidenceCli.Success, error);
            // Writers that are not the terminal get no progress: the error stream stays empty and the output is the list of files.
            Assert.Equal("", error);
            // The synthetic review has neither CMO configurations nor risk-of-bias assessments: 4 charts fewer.
            Assert.Equal(1 + ReportCommand.Charts.Count - 4 + 2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            foreach (string svg in Directory.GetFiles(Path.Combine(folder, "charts"), "*.svg"))
                Assert.True(new FileInfo(svg).Length < 1_000_000, $"{Path.GetFileName(svg)} is {new FileInfo(svg).Length:N0} bytes");
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"charts/effect-direction-plot.svg ({quantitative:N0} quantitative studies, more than 200: one row per intervention type)"), output);
            Assert.Contains("charts/harvest-plot.svg (more than 50 studies in a cell: one bar per design group)", output);
            Assert.Contains("one row per intervention type", File.ReadAllText(Path.Combine(folder, "charts", "effect-direction-plot.svg")));
            Assert.Contains("one bar per design group", File.ReadAllText(Path.Combine(folder, "charts", "harvest-plot.svg")));
        }
        finally
        {
            foreach (string f in (string[])[folder, input])
                if (Directory.Exists(f)) Directory.Delete(f, recursive: true);
        }
    }

    [Fact]
    public async Task Report_SameInputTwice_WritesTheSameBytes()
    {
        string first = NewFolder(), second = NewFolder();
        try
        {
            Assert.Equal(EvidenceCli.Success, (await CliRunner.Run("report", Sample("perinatal-peer-support.xlsx"), "-o", first)).Exit);
            Assert.Equal(EvidenceCli.Success, (await CliRunner.Run("report", Sample("perinatal-peer-support.xlsx"), "-o", second)).Exit);

            var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToArray();
            // Every chart but the two risk-of-bias plots (the perinatal sample assesses no risk of bias), the workbook and the map.
            Assert.Equal(ReportCommand.Charts.Count - 2 + 2, files.Length);
            foreach (string file in files)
                Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file + " differs between runs");
        }
        finally
        {
            foreach (string folder in (string[])[first, second])
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Report_MissingFile_ExitsWithUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("report", Sample("no-such-workbook.xlsx"), "-o", NewFolder());

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("no-such-workbook.xlsx", error);
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Excel;
using Evidence.Analytics.Tests.Import;

namespace Evidence.Analytics.Tests.Cli;

/// <summary>Issue 16, headline numbers: every output of <c>evidence report</c> and <c>evidence share --json</c> names its
/// denominator, and the same quantity carries the same number in all of them: the Summary sheet's headlines, the Evidence
/// map sheet, the Charts sheet's table and native chart XML, the share chart and effect direction plot SVGs, and the JSON.</summary>
/// <remarks>
/// <para>The input is the bundled sample (CSV folder) with S01's social-connection finding set to "Not reported". Counted
/// by hand from data-samples/postpartum-social-prescribing/studies.csv and findings.csv (one finding per study and
/// domain): 22 studies measured social connection, 6 of them qualitative (S16–S21, all improved). Of the 16 quantitative
/// studies, S01 no longer reports a direction, so 15 did; 12 of those improved (S02–S04, S07, S08, S10, S22, S24–S26,
/// S28, S31), 3 found no difference (S12, S15, S33), none worsened. Wilson 95% CI for 12/15: 54.8% to 93.0%. Sign test:
/// 2 · 0.5¹² = 0.000488. RCTs: 9 measured it (S01–S04, S07, S08, S10, S12, S15), 8 reported a direction, 6 improved
/// (Wilson 40.9% to 92.9%).</para>
/// </remarks>
public sealed class HeadlineConsistencyTests
{
    private const int Measured = 22, Qualitative = 6, Reporting = 15, Improved = 12, RctReporting = 8, RctImproved = 6;

    [Fact]
    public async Task Report_OneFindingNotReported_EveryOutputNamesTheDenominatorWithTheSameNumbers()
    {
        string input = SampleCopies.With("findings.csv", lines => SampleCopies.Replace(lines, 2,
            "S01,,Social connection,UCLA Loneliness Scale,Improved,MD,-3.2,-5.8,-0.6", "S01,,Social connection,UCLA Loneliness Scale,Not reported,,,,"));
        string output = Path.Combine(Path.GetTempPath(), "evidence-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, _, error) = await CliRunner.Run("report", input, "-o", output);
            Assert.True(exit == EvidenceCli.Success, error);
            var (shareExit, shareJson, shareError) = await CliRunner.Run("share", input, "--outcome", "social connection", "--json");
            Assert.True(shareExit == EvidenceCli.Success, shareError);
            var (_, rctJson, _) = await CliRunner.Run("share", input, "--outcome", "social connection", "--design", "rct", "--json");

            // share --json
            using (var json = JsonDocument.Parse(shareJson))
            {
                var root = json.RootElement;
                Assert.Equal((Improved, Reporting, Measured, 1), (root.GetProperty("numerator").GetInt32(), root.GetProperty("denominator").GetInt32(),
                    root.GetProperty("measured").GetInt32(), root.GetProperty("notReported").GetInt32()));
                Assert.Equal("quantitative studies that reported a direction", root.GetProperty("denominatorName").GetString());
                Assert.Equal(Qualitative, root.GetProperty("qualitativeNotCounted").GetProperty("improved").GetInt32());
                Assert.Equal(2 * Math.Pow(0.5, Improved), root.GetProperty("signTestP").GetDouble(), 12);
            }
            using (var rct = JsonDocument.Parse(rctJson))
                Assert.Equal((RctImproved, RctReporting), (rct.RootElement.GetProperty("numerator").GetInt32(), rct.RootElement.GetProperty("denominator").GetInt32()));

            var sheets = XlsxRead.Sheets(File.ReadAllBytes(Path.Combine(output, ReportCommand.SummaryFileName)));

            // Summary sheet: each headline names its denominator, the qualitative studies beside and the study without a direction.
            var summary = XlsxRead.Texts(sheets["Summary"]).ToList();
            Assert.Contains($"• {Improved} of {Reporting} quantitative studies that reported a direction of effect on social connection found improvement (80%, 95% CI 55–93%), "
                + $"plus {Qualitative} qualitative studies describing improvement; 1 more quantitative study measured it without reporting a direction.", summary);
            Assert.Contains($"• {RctImproved} of {RctReporting} RCTs that reported a direction of effect on social connection found improvement (75%, 95% CI 41–93%); "
                + "1 more RCT measured it without reporting a direction.", summary);
            Assert.DoesNotContain(summary, t => t.Contains("that measured social connection reported", StringComparison.Ordinal));

            // Evidence map sheet: the studies that measured the outcome (any design, with or without a direction).
            var map = sheets["Evidence map"];
            var header = map.First(r => r[0] as string == "Intervention type");
            int column = Array.IndexOf(header, "Social connection");
            var totals = map.First(r => r[0] as string == "All intervention types");
            Assert.Equal(Measured, Convert.ToInt32(totals[column], CultureInfo.InvariantCulture));
            Assert.Contains(XlsxRead.Texts(map), t => t.StartsWith("Each cell counts the distinct studies that measured the outcome", StringComparison.Ordinal));

            // Charts sheet: the table beside the share chart, and the chart's own XML (its cached values and axis title).
            var charts = sheets["Charts"];
            var tableHeader = charts.First(r => r[0] as string == "Outcome domain");
            Assert.Equal("Quantitative studies that reported a direction", tableHeader[6]);
            var row = charts.First(r => r[0] as string == "Social connection" && r[5] is not null);
            Assert.Equal((Improved, Reporting), (Convert.ToInt32(row[5], CultureInfo.InvariantCulture), Convert.ToInt32(row[6], CultureInfo.InvariantCulture)));
            var chart = ShareChartXml(Path.Combine(output, ReportCommand.SummaryFileName));
            Assert.Contains("Share of the quantitative studies that reported a direction", ChartTexts(chart));
            Assert.Equal((double)Improved / Reporting, ChartValue(chart, "Social connection"), 12);

            // SVG share chart (all designs: quantitative by default) and the RCT one.
            var shares = XDocument.Load(Path.Combine(output, "charts", "shares-improved.svg"));
            var point = ByClass(shares, "share").Single(g => Attr(g, "data-label") == "Social connection");
            Assert.Equal((Improved, Reporting), (int.Parse(Attr(point, "data-numerator")!, CultureInfo.InvariantCulture), int.Parse(Attr(point, "data-denominator")!, CultureInfo.InvariantCulture)));
            Assert.Contains(point.Descendants().Where(e => Attr(e, "class") == "value-label"), e => e.Value == $"{Improved}/{Reporting} (80%)");
            Assert.Equal("Improved, as a share of the quantitative studies that reported a direction", ByClass(shares, "axis-title").Single().Value);
            Assert.Contains($"Social connection: plus {Qualitative} qualitative studies describing improvement", Texts(shares), StringComparison.Ordinal);
            var rctShares = XDocument.Load(Path.Combine(output, "charts", "shares-rct-improved.svg"));
            var rctPoint = ByClass(rctShares, "share").Single(g => Attr(g, "data-label") == "Social connection");
            Assert.Equal($"{RctImproved}", Attr(rctPoint, "data-numerator"));
            Assert.Equal($"{RctReporting}", Attr(rctPoint, "data-denominator"));
            Assert.Equal("Improved, as a share of the RCTs that reported a direction", ByClass(rctShares, "axis-title").Single().Value);

            // Effect direction plot: the same share on its first summary line, then the sign test's counts and P.
            var plot = XDocument.Load(Path.Combine(output, "charts", "effect-direction-plot.svg"));
            var domain = ByClass(plot, "domain-summary").Single(g => Attr(g, "data-domain") == "Social connection");
            var lines = domain.Descendants().Where(e => e.Name.LocalName == "tspan").Select(e => e.Value).ToList();
            Assert.Equal([$"{Improved}/{Reporting}", $"{Improved} vs 0", "P = 0.00049", $"{Qualitative}"], lines);
            Assert.Equal($"{Reporting}", Attr(domain, "data-reported"));
            Assert.Contains("Improved / reported a direction", Texts(plot), StringComparison.Ordinal);
            Assert.DoesNotContain(ByClass(plot, "study-row"), r => Attr(r, "data-study") is "S16" or "S17" or "S18" or "S19" or "S20" or "S21");
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            Directory.Delete(input, recursive: true);
        }
    }

    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /// <summary>The chart part whose title is the share chart's.</summary>
    private static XDocument ShareChartXml(string workbook)
    {
        using var zip = ZipFile.OpenRead(workbook);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/charts/chart", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            var chart = XDocument.Load(stream);
            if (ChartTexts(chart).Contains("Studies that reported improvement (95% CI)", StringComparison.Ordinal)) return chart;
        }
        throw new InvalidOperationException("The workbook has no share chart.");
    }

    private static string ChartTexts(XDocument chart) =>
        string.Join(" | ", chart.Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value));

    /// <summary>The cached value of the first series at a category.</summary>
    private static double ChartValue(XDocument chart, string category)
    {
        var series = chart.Descendants(C + "ser").First();
        var categories = series.Element(C + "cat")!.Descendants(C + "pt").ToDictionary(p => (string)p.Attribute("idx")!, p => p.Element(C + "v")!.Value);
        string index = categories.Single(p => p.Value == category).Key;
        var value = series.Element(C + "val")!.Descendants(C + "pt").Single(p => (string)p.Attribute("idx")! == index);
        return double.Parse(value.Element(C + "v")!.Value, CultureInfo.InvariantCulture);
    }

    private static IEnumerable<XElement> ByClass(XDocument svg, string name) => svg.Descendants().Where(e => Attr(e, "class") == name);

    private static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    private static string Texts(XDocument svg) =>
        string.Join(" ", svg.Descendants().Where(e => e.Name.LocalName == "text" && !e.Elements().Any() || e.Name.LocalName == "tspan").Select(e => e.Value));
}

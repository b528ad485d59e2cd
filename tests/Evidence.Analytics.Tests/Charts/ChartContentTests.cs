using System.Globalization;
using Xunit;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>What each chart encodes, read back from its SVG.</summary>
public sealed class ChartContentTests
{
    private static readonly EvidenceBase Sample = ChartSamples.ScopingReview();

    [Fact]
    public void InterventionTypeChart_ScopingSample_SortedBarsWithTheSeedCounts()
    {
        var svg = new SvgInspector(Sample.InterventionTypeChart().ToSvg());
        var bars = svg.ByClass("bar-segment").ToList();

        // The seed abstract: social support 23, education/information 16, physical wellbeing 11, creative/recreational 10,
        // therapeutic support 9, service navigation 7 (ChartSamples assigns exactly these counts).
        Assert.Equal([23, 16, 11, 10, 9, 7], bars.Select(b => (int)SvgInspector.Num(b, "data-value")).ToArray());
        Assert.Equal(["Social support", "Education/information", "Physical wellbeing", "Creative/recreational", "Therapeutic support", "Service navigation"],
            svg.ByClass("bar").Select(b => SvgInspector.Str(b, "data-category")).ToArray());
        Assert.Equal(["23", "16", "11", "10", "9", "7"], svg.ByClass("value-label").Select(t => t.Value).ToArray());
        AssertProportional(bars.Select(b => (SvgInspector.Num(b, "data-value"), SvgInspector.Num(b, "width"))));
    }

    [Fact]
    public void DesignGroupChart_ScopingSample_FifteenSixTwelve()
    {
        var svg = new SvgInspector(Sample.DesignGroupChart().ToSvg());

        // Seed abstract: 15 RCTs, 6 qualitative studies and 12 other designs.
        Assert.Equal(["RCT", "Qualitative", "Other"], svg.ByClass("bar").Select(b => SvgInspector.Str(b, "data-category")).ToArray());
        Assert.Equal(["15", "6", "12"], svg.ByClass("bar").Select(b => SvgInspector.Str(b, "data-total")).ToArray());
    }

    [Fact]
    public void DesignsByInterventionTypeChart_ScopingSample_SegmentsAddUpAndScaleWithCounts()
    {
        var chart = Sample.DesignsByInterventionTypeChart();
        var svg = new SvgInspector(chart.ToSvg());

        foreach (var bar in svg.ByClass("bar"))
        {
            var segments = bar.Descendants().Where(e => SvgInspector.Attr(e, "class") == "bar-segment").ToList();
            Assert.Equal(SvgInspector.Num(bar, "data-total"), segments.Sum(s => SvgInspector.Num(s, "data-value")));
            string type = SvgInspector.Attr(bar, "data-category")!;
            int expectedRct = Sample.Studies.Count(s => s.DesignGroup == DesignGroup.Rct && Sample.InterventionTypesOf(s).Any(t => t.Name == type));
            Assert.Equal(expectedRct, (int)segments.Where(s => SvgInspector.Attr(s, "data-series") == "RCT").Sum(s => SvgInspector.Num(s, "data-value")));
        }
        AssertProportional(svg.ByClass("bar-segment").Select(b => (SvgInspector.Num(b, "data-value"), SvgInspector.Num(b, "width"))));
        Assert.Equal(["RCT", "Qualitative", "Other"], svg.ByClass("legend-item").Select(i => SvgInspector.Str(i, "data-label")).ToArray());
        // Never colour alone: each design group has its own fill (colour or pattern reference).
        Assert.Equal(3, svg.ByClass("bar-segment").Select(s => SvgInspector.Str(s, "fill")).Distinct().Count());
    }

    [Fact]
    public void TypologyChart_ScopingSample_LevelsInOrderWithCounts()
    {
        var svg = new SvgInspector(Sample.TypologyChart().ToSvg());

        // ChartSamples codes 3 holistic, 5 medium, 3 signposting, 2 unreported and 20 formal-referral (light) interventions.
        Assert.Equal(["Signposting", "Light", "Medium", "Holistic", "Unclassifiable"], svg.ByClass("bar").Select(b => SvgInspector.Str(b, "data-category")).ToArray());
        Assert.Equal(["3", "20", "5", "3", "2"], svg.ByClass("bar").Select(b => SvgInspector.Str(b, "data-total")).ToArray());
    }

    [Fact]
    public void FlowDiagram_FullFlow_EveryBoxWithItsCount()
    {
        var texts = string.Join("\n", new SvgInspector(Sample.FlowDiagram().ToSvg()).Texts()).Replace('\u00A0', ' ');

        foreach (string expected in (string[])["Records screened (n = 13,851)", "Records excluded (n = 13,702)", "Reports sought for retrieval (n = 149)",
            "Reports not retrieved (n = 7)", "Reports assessed for eligibility (n = 142)", "Not a postpartum population (n = 51)", "Not in English (n = 5)",
            "Studies included in review (n = 33)", "MEDLINE (n = 5,210)", "Duplicate records removed (n = 5,341)"])
            Assert.Contains(expected, texts);
        Assert.DoesNotContain("Counts that do not add up", texts);
    }

    [Fact]
    public void FlowDiagram_OnlyScreenedAndIncluded_MissingCountsSayNotReported()
    {
        var svg = new SvgInspector(new PrismaFlow(screened: 13851, studiesIncluded: 33).Diagram(PrismaVariant.PrismaScR).ToSvg());
        string texts = string.Join("\n", svg.Texts()).Replace('\u00A0', ' ');

        Assert.Contains("Records screened (n = 13,851)", texts);
        Assert.Contains("Sources of evidence included in review (n = 33)", texts);
        Assert.Contains("Reports sought for retrieval (n not reported)", texts);
        Assert.Contains("Reasons not reported", texts);
        Assert.Equal(9, svg.ByClass("flow-box").Count());
        Assert.Equal(8, svg.ByClass("arrow-head").Count()); // 4 down the main column, 4 across to the side boxes
    }

    [Fact]
    public void FlowDiagram_CountsThatDoNotAddUp_AreListedUnderTheDiagram()
    {
        var flow = new PrismaFlow(screened: 100, excludedAtScreening: 80, sought: 25);

        string texts = string.Join(" ", new SvgInspector(flow.Diagram().ToSvg()).Texts());

        Assert.Contains("Counts that do not add up", texts);
        Assert.Contains("reports sought is 25 but screened − excluded at screening is 20", texts);
    }

    [Fact]
    public void EffectDirectionPlot_ScopingSample_OneSymbolPerStudyDomainWithFindings()
    {
        var plot = Sample.EffectDirectionPlot();
        var svg = new SvgInspector(plot.ToSvg());

        // Qualitative studies are not rows by default (issue 16): only quantitative studies' findings get a symbol.
        var expected = Sample.Findings.Where(f => Sample.Study(f.StudyId).DesignGroup != DesignGroup.Qualitative)
            .Select(f => (f.StudyId, f.Domain.Name)).Distinct().Count()
            - plot.Studies.Sum(s => plot.Domains.Count(d => plot.DirectionOf(s, d) == Direction.NotReported));
        Assert.DoesNotContain(plot.Studies, s => s.DesignGroup == DesignGroup.Qualitative);
        Assert.Equal(expected, svg.ByClass("effect-symbol").Count(e => SvgInspector.Attr(e, "data-domain") is not null));
        foreach (var row in svg.ByClass("study-row"))
        {
            var study = Sample.Study(SvgInspector.Attr(row, "data-study")!);
            foreach (var symbol in row.Descendants().Where(e => SvgInspector.Attr(e, "class") == "effect-symbol"))
            {
                var domain = plot.Domains.Single(d => d.Name == SvgInspector.Attr(symbol, "data-domain"));
                var directions = Sample.FindingsOf(study).Where(f => f.Domain == domain).Select(f => f.Direction).ToList();
                Assert.Equal(Expected70(directions).ToString(), SvgInspector.Attr(symbol, "data-direction"));
                Assert.Equal(Band(study.SampleSize), SvgInspector.Attr(symbol, "data-sample-band"));
            }
        }
    }

    [Fact]
    public void EffectDirectionPlot_ScopingSample_RowsCarryRiskOfBiasAsTextAndTint()
    {
        var svg = new SvgInspector(Sample.EffectDirectionPlot().ToSvg());

        foreach (var row in svg.ByClass("study-row"))
        {
            var study = Sample.Study(SvgInspector.Attr(row, "data-study")!);
            string label = study.RiskOfBias?.Label() ?? "Not assessed";
            Assert.Contains(row.Descendants(SvgInspector.Svg + "text"), t => t.Value == label);
        }
        var tints = svg.ByClass("study-row").GroupBy(r => SvgInspector.Attr(r, "data-risk-of-bias"))
            .Select(g => g.Select(r => SvgInspector.Str(r.Elements().First(), "fill")).Distinct().Single()).ToList();
        Assert.Equal(tints.Count, tints.Distinct().Count());
    }

    [Fact]
    public void EffectDirectionPlot_ScopingSample_SummaryCountsStudiesByDirection()
    {
        var plot = Sample.EffectDirectionPlot();
        var svg = new SvgInspector(plot.ToSvg());

        foreach (var summary in svg.ByClass("domain-summary"))
        {
            var domain = plot.Domains.Single(d => d.Name == SvgInspector.Attr(summary, "data-domain"));
            // Quantitative studies vote; qualitative ones are counted beside (issue 16).
            var perStudy = Sample.Studies.Where(s => s.DesignGroup != DesignGroup.Qualitative)
                .Select(s => Sample.FindingsOf(s).Where(f => f.Domain == domain).Select(f => f.Direction).ToList())
                .Where(l => l.Count > 0).Select(Expected70).ToList();
            int qualitative = Sample.Studies.Count(s => s.DesignGroup == DesignGroup.Qualitative && Sample.FindingsOf(s).Any(f => f.Domain == domain));
            int up = perStudy.Count(d => d == Direction.Improved), down = perStudy.Count(d => d == Direction.Worsened);
            int reported = perStudy.Count(d => d != Direction.NotReported);
            Assert.Equal(up.ToString(CultureInfo.InvariantCulture), SvgInspector.Attr(summary, "data-improved"));
            Assert.Equal(down.ToString(CultureInfo.InvariantCulture), SvgInspector.Attr(summary, "data-worsened"));
            Assert.Equal(qualitative.ToString(CultureInfo.InvariantCulture), SvgInspector.Attr(summary, "data-qualitative"));
            // The first line is the share's numerator over its denominator (studies that reported a direction), the second the sign test's counts.
            var lines = summary.Descendants(SvgInspector.Svg + "tspan").Select(t => t.Value).ToList();
            Assert.Equal($"{up}/{reported}", lines[0]);
            Assert.Equal($"{up} vs {down}", lines[1]);
            Assert.Equal(ExactSignTest(up, down), double.Parse(SvgInspector.Str(summary, "data-sign-test-p"), CultureInfo.InvariantCulture), 10);
        }
    }

    [Fact]
    public void HarvestPlot_ScopingSample_BarsPerCellAndHeightsProportionalToWeight()
    {
        var plot = Sample.HarvestPlot();
        var svg = new SvgInspector(plot.ToSvg());

        foreach (var row in svg.ByClass("domain-row"))
        {
            var domain = plot.Domains.Single(d => d.Name == SvgInspector.Attr(row, "data-domain"));
            foreach (var cell in row.Elements().Where(e => SvgInspector.Attr(e, "class") == "harvest-cell"))
            {
                var direction = Enum.Parse<Direction>(SvgInspector.Attr(cell, "data-direction")!);
                var expected = Sample.Studies.Where(s =>
                {
                    var d = Sample.FindingsOf(s).Where(f => f.Domain == domain).Select(f => f.Direction).ToList();
                    if (d.Count == 0) return false;
                    var summary = Expected70(d);
                    return summary == direction || (direction == Direction.NoDifference && summary == Direction.Mixed);
                }).Select(s => s.Id).Order().ToArray();
                var bars = cell.Elements().Where(e => SvgInspector.Attr(e, "class") == "harvest-bar").ToList();
                Assert.Equal(expected, bars.Select(b => SvgInspector.Str(b, "data-study")!).Order().ToArray());
                // every bar is labelled with its study id
                Assert.Equal(expected, cell.Elements(SvgInspector.Svg + "text").Where(t => SvgInspector.Attr(t, "class") == "study-label").Select(t => t.Value).Order().ToArray());
            }
        }
        AssertProportional(svg.ByClass("harvest-bar").Select(b => (SvgInspector.Num(b, "data-weight"), SvgInspector.Num(b, "height"))));
        Assert.All(svg.ByClass("harvest-bar"), b => Assert.Equal(
            HarvestPlot.DefaultWeight(Sample.Study(SvgInspector.Attr(b, "data-study")!).Design), (int)SvgInspector.Num(b, "data-weight")));
    }

    [Fact]
    public void HarvestPlot_Bar_PutsHeavierDesignsFirstAndKeepsTheOrderOfEqualWeights()
    {
        // Six studies, each improving social connection, in this order. Default weights: RCT and cluster RCT 3, cohort /
        // pre-post 2, qualitative 1; so a bar reads R1 R2 C1 C2 Q1 Q2. Weighting qualitative studies 5 moves them first.
        (string Id, StudyDesign Design)[] coded =
        [
            ("Q1", StudyDesign.Qualitative), ("C1", StudyDesign.CohortPrePost), ("R1", StudyDesign.Rct),
            ("Q2", StudyDesign.Qualitative), ("R2", StudyDesign.ClusterRct), ("C2", StudyDesign.CohortPrePost),
        ];
        var evidence = new EvidenceBase(
            coded.Select(c => new Study(c.Id, new Citation("Author A", 2020, "Study " + c.Id), c.Design)),
            findings: coded.Select(c => new Finding(c.Id, null, OutcomeDomain.SocialConnection, Direction.Improved)));

        string[] Bar(HarvestPlot plot) => [.. plot.StudiesIn(OutcomeDomain.SocialConnection, Direction.Improved).Select(s => s.Id)];

        Assert.Equal(["R1", "R2", "C1", "C2", "Q1", "Q2"], Bar(evidence.HarvestPlot()));
        Assert.Equal(["Q1", "Q2", "R1", "R2", "C1", "C2"], Bar(evidence.HarvestPlot(new Dictionary<StudyDesign, int> { [StudyDesign.Qualitative] = 5 })));
    }

    /// <summary>The 70% rule written out independently: of the findings with a direction, the direction at least 70% share, else mixed.</summary>
    private static Direction Expected70(IReadOnlyList<Direction> directions)
    {
        var reported = directions.Where(d => d != Direction.NotReported).ToList();
        if (reported.Count == 0) return Direction.NotReported;
        var top = reported.GroupBy(d => d).OrderByDescending(g => g.Count()).First();
        return top.Count() * 10 >= reported.Count * 7 ? top.Key : Direction.Mixed;
    }

    /// <summary>The two-sided exact sign test by direct summation (GUIDE.md §2): P = min(1, 2·Σ_{i ≤ min(k, n−k)} C(n, i)·0.5ⁿ).</summary>
    private static double ExactSignTest(int benefit, int harm)
    {
        int n = benefit + harm, m = Math.Min(benefit, harm);
        if (n == 0) return 1;
        double sum = 0, c = 1;
        for (int i = 0; i <= m; i++)
        {
            sum += c;
            c = c * (n - i) / (i + 1);
        }
        return Math.Min(1, 2 * sum / Math.Pow(2, n));
    }

    private static string Band(int? n) => n switch { null => "NotReported", > 300 => "Large", >= 50 => "Medium", _ => "Small" };

    /// <summary>Lengths are proportional to values: length / value is the same for every mark (within rounding to 0.01 px).</summary>
    private static void AssertProportional(IEnumerable<(double Value, double Length)> marks)
    {
        var list = marks.Where(m => m.Value > 0).ToList();
        Assert.NotEmpty(list);
        double ratio = list[0].Length / list[0].Value;
        Assert.All(list, m => Assert.InRange(m.Length, m.Value * ratio - 0.02, m.Value * ratio + 0.02));
    }
}

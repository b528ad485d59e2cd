using System.Xml.Linq;
using Xunit;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>The traffic-light and summary plots, read back from their SVG: one mark per study and domain with its colour
/// and symbol, the domains' captions, and the summary's shares worked out by hand.</summary>
public sealed class RiskOfBiasChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static EvidenceBase Evidence(IEnumerable<RiskOfBiasAssessment> assessments, int studies = 4)
    {
        var list = Enumerable.Range(1, studies).Select(i => new Study($"S{i}", new Citation($"Author{i} A", 2000 + i % 20, $"Study {i}"), StudyDesign.Rct)).ToList();
        return new EvidenceBase(list, riskOfBias: assessments);
    }

    private static RiskOfBiasAssessment Rob2(string study, string judgements, string? overall, double? weight = null) =>
        new(study, RiskOfBiasTool.Rob2, judgements.Split(',').Select(j => RiskOfBiasTool.Rob2.Judgements.Parse(j)),
            overall is null ? null : RiskOfBiasTool.Rob2.Judgements.Parse(overall), weight);

    private static XElement Parse(Chart chart) => XElement.Parse(chart.ToSvg());

    private static IEnumerable<XElement> Marks(XElement svg) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "judgement");

    [Fact]
    public void TrafficLight_Rob2_DrawsOneMarkPerStudyAndDomainWithCochraneColoursAndSymbols()
    {
        var evidence = Evidence(
        [
            Rob2("S1", "Low,Some concerns,High,No information,Low", "High"),
            Rob2("S2", "Low,Low,Low,Low,Low", "Low"),
            Rob2("S3", "Some concerns,Low,Low,Low,Low", null),
        ]);

        var svg = Parse(evidence.RiskOfBiasTrafficLight());

        // 3 studies × (5 domains + overall) − S3's blank overall.
        var marks = Marks(svg).ToList();
        Assert.Equal(3 * 6 - 1, marks.Count);
        var s1 = marks.Where(m => (string?)m.Attribute("data-study") == "S1").ToList();
        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "Overall"], s1.Select(m => (string?)m.Attribute("data-domain")));
        Assert.Equal(["#02C100", "#E2DF07", "#BF0000", "#4EA1F7", "#02C100", "#BF0000"], s1.Select(m => (string?)m.Element(Svg + "circle")!.Attribute("fill")));
        Assert.Equal(["+", "−", "×", "?", "+", "×"], s1.Select(m => m.Elements(Svg + "text").Single().Value));
        var captions = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "domain-caption").Select(t => t.Value).ToList();
        Assert.Equal(["D1: Bias arising from the randomization process.", "D2: Bias due to deviations from intended intervention.",
            "D3: Bias due to missing outcome data.", "D4: Bias in measurement of the outcome.", "D5: Bias in selection of the reported result."], captions);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Risk of bias: traffic-light plot", svg.Element(Svg + "title")!.Value);
        Assert.Contains("D3 low 2, high 1", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Overall low 1, high 1, not given 1", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TrafficLight_EachToolHasItsOwnPanelDomainsAndColours()
    {
        var robinsI = new RiskOfBiasAssessment("S1", RiskOfBiasTool.RobinsI,
            [RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Moderate, RiskOfBiasJudgement.Serious, RiskOfBiasJudgement.Critical, RiskOfBiasJudgement.NoInformation, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low],
            RiskOfBiasJudgement.Critical);
        var quadas = new RiskOfBiasAssessment("S2", RiskOfBiasTool.Quadas2,
            [RiskOfBiasJudgement.Low, RiskOfBiasJudgement.SomeConcerns, RiskOfBiasJudgement.High, RiskOfBiasJudgement.Low], RiskOfBiasJudgement.High);
        var cluster = new RiskOfBiasAssessment("S3", RiskOfBiasTool.Rob2Cluster,
            [RiskOfBiasJudgement.Low, RiskOfBiasJudgement.NotApplicable, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low], RiskOfBiasJudgement.Low);
        var robinsE = new RiskOfBiasAssessment("S4", RiskOfBiasTool.RobinsE,
            [RiskOfBiasJudgement.VeryHigh, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Low, RiskOfBiasJudgement.SomeConcerns], RiskOfBiasJudgement.VeryHigh);

        var svg = Parse(Evidence([robinsI, quadas, cluster, robinsE]).RiskOfBiasTrafficLight());

        var panels = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "tool-panel").ToList();
        Assert.Equal(["ROBINS-I", "QUADAS-2", "RoB 2 cluster", "ROBINS-E"], panels.Select(p => (string?)p.Attribute("data-tool")));
        int[] marks = [.. panels.Select(p => Marks(p).Count())];
        Assert.Equal([8, 5, 7, 8], marks);
        string Fill(string study, string domain) => (string)Marks(svg).Single(m => (string?)m.Attribute("data-study") == study && (string?)m.Attribute("data-domain") == domain).Element(Svg + "circle")!.Attribute("fill")!;
        Assert.Equal("#820000", Fill("S1", "D4"));  // critical
        Assert.Equal("#E2DF07", Fill("S1", "D2"));  // moderate, ROBINS-I's middle level
        Assert.Equal("#4EA1F7", Fill("S1", "D5"));  // no information has its own colour
        Assert.Equal("#cccccc", Fill("S3", "D1b")); // not applicable
        Assert.Equal("#820000", Fill("S4", "D1"));  // very high
        string[] codes = [.. panels[2].Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "domain-code").Select(t => t.Value)];
        Assert.Equal(["D1", "D1b", "D2", "D3", "D4", "D5", "Overall"], codes);
        Assert.Contains(panels[1].Descendants(Svg + "text"), t => t.Value == "D4: Flow & timing.");
    }

    [Fact]
    public void TrafficLight_ColourBlindPalette_UsesItsOwnColoursAndOutlinesWhite()
    {
        var svg = Parse(Evidence([Rob2("S1", "Low,Some concerns,High,No information,Low", "High")]).RiskOfBiasTrafficLight(RiskOfBiasPalette.ColourBlind));

        var circles = Marks(svg).Select(m => m.Element(Svg + "circle")!).ToList();
        Assert.Equal(["#fed98e", "#fe9929", "#d95f0e", "#ffffff", "#fed98e", "#d95f0e"], circles.Select(c => (string?)c.Attribute("fill")));
        Assert.All(circles, c => Assert.NotEqual("none", (string?)c.Attribute("stroke")));
    }

    [Fact]
    public void TrafficLight_GenericToolWithManyDomainsAndStudies_KeepsEveryRowAndColumnReadable()
    {
        var tool = RiskOfBiasTool.Generic("RoB 1", Enumerable.Range(1, 9).Select(i => $"Domain number {i} with a long descriptive name"));
        var judgements = new[] { RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Unclear, RiskOfBiasJudgement.High };
        var assessments = Enumerable.Range(1, 120).Select(i => new RiskOfBiasAssessment($"S{i}", tool, Enumerable.Range(0, 9).Select(d => judgements[(i + d) % 3]), judgements[i % 3]));

        var svg = Parse(Evidence(assessments, studies: 120).RiskOfBiasTrafficLight());

        Assert.Equal(120 * 10, Marks(svg).Count());
        var headers = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "column-headers").ToList();
        Assert.Equal(3, headers.Count); // rows 1, 51 and 101 start a block: ceil(120 / RowsPerBlock)
        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "Overall"], headers[0].Elements(Svg + "text").Skip(1).Select(t => t.Value));
        Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("transform") is { } t && t.Value.Contains("rotate", StringComparison.Ordinal));
        Assert.Equal(9, svg.Descendants(Svg + "text").Count(t => (string?)t.Attribute("class") == "domain-caption"));
        // Every mark's centre lies inside the chart's width.
        double width = double.Parse((string)svg.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(Marks(svg), m => Assert.True(double.Parse((string)m.Element(Svg + "circle")!.Attribute("cx")!, System.Globalization.CultureInfo.InvariantCulture) < width));
    }

    [Fact]
    public void Summary_SharesPerDomain_AreCountedOrWeightedAsWorkedOutByHand()
    {
        var evidence = Evidence(
        [
            Rob2("S1", "Low,Low,Low,Low,Low", "Low", weight: 1),
            Rob2("S2", "Low,Low,Low,Low,Low", "Low", weight: 1),
            Rob2("S3", "Some concerns,Low,Low,Low,No information", "Some concerns", weight: 2),
            Rob2("S4", "High,Low,Low,Low,No information", "High", weight: 4),
        ]);

        double Share(Chart chart, string domain, string level)
        {
            var bar = Parse(chart).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "domain-bar" && (string?)g.Attribute("data-domain") == domain);
            var segment = bar.Elements(Svg + "g").SingleOrDefault(g => (string?)g.Attribute("data-level") == level);
            return segment is null ? 0 : double.Parse((string)segment.Attribute("data-share")!, System.Globalization.CultureInfo.InvariantCulture);
        }

        var counted = evidence.RiskOfBiasSummary();
        Assert.Equal(2.0 / 4, Share(counted, "D1", "Low"), 12);
        Assert.Equal(1.0 / 4, Share(counted, "D1", "Concerns"), 12);
        Assert.Equal(1.0 / 4, Share(counted, "D1", "High"), 12);
        Assert.Equal(1.0, Share(counted, "D2", "Low"), 12);
        Assert.Equal(2.0 / 4, Share(counted, "D5", "NoInformation"), 12);

        var weighted = evidence.RiskOfBiasSummary(weighted: true);
        Assert.Equal(2.0 / 8, Share(weighted, "D1", "Low"), 12);
        Assert.Equal(2.0 / 8, Share(weighted, "D1", "Concerns"), 12);
        Assert.Equal(4.0 / 8, Share(weighted, "D1", "High"), 12);
        Assert.Equal(6.0 / 8, Share(weighted, "D5", "NoInformation"), 12);
        Assert.Equal(4.0 / 8, Share(weighted, "Overall", "High"), 12);
        Assert.Contains("D1 low 25%, some concerns 25%, high 50%", weighted.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_WeightedWithoutEveryWeight_IsRefusedNamingTheStudy()
    {
        var evidence = Evidence([Rob2("S1", "Low,Low,Low,Low,Low", "Low", weight: 1), Rob2("S2", "Low,Low,Low,Low,Low", "Low")]);

        var error = Assert.Throws<ArgumentException>(() => evidence.RiskOfBiasSummary(weighted: true));
        Assert.Contains("S2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_WithoutAssessments_AreRefused()
    {
        var evidence = Evidence([]);
        Assert.Throws<ArgumentException>(() => evidence.RiskOfBiasTrafficLight());
        Assert.Throws<ArgumentException>(() => evidence.RiskOfBiasSummary());
    }

    [Fact]
    public void EvidenceBase_OverallDisagreeingWithTheStudy_IsRefused()
    {
        var studies = new[] { new Study("S1", new Citation("A", 2020, "T"), StudyDesign.Rct, riskOfBias: RiskOfBias.Low) };
        Assert.Throws<ArgumentException>(() => new EvidenceBase(studies, riskOfBias: [Rob2("S1", "Low,Low,High,Low,Low", "High")]));
        Assert.Single(new EvidenceBase(studies, riskOfBias: [Rob2("S1", "Low,Low,Low,Low,Low", "Low")]).RiskOfBiasAssessments);
    }
}

using System.Xml.Linq;

namespace Evidence.Analytics.Tests.MetaAnalysis;

/// <summary>Forest and funnel plots of dat.bcg: what they draw, checked from the SVG (squares by weight, diamond at the
/// pooled CI, natural-scale ratio labels, imputed studies and contours).</summary>
public sealed class MetaAnalysisChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Analytics.MetaAnalysis Bcg() => Analytics.MetaAnalysis.Fit(MetaReference.EffectSizes("bcg.RR"));

    private static string[] Labels() => [.. MetaReference.ReadTable("bcg.csv").Select(r => $"{r["author"]} {r["year"]}")];

    internal static void SaveForLooking(Chart chart, string name)
    {
        if (Environment.GetEnvironmentVariable("EVIDENCE_CHART_OUT") is { Length: > 0 } folder) chart.SaveSvg(Path.Combine(folder, name));
    }

    [Fact]
    public void ForestPlot_Bcg_DrawsOneSquarePerStudySizedByWeightAndTheDiamondAtThePooledInterval()
    {
        var model = Bcg();
        var plot = model.ForestPlot(Labels());
        SaveForLooking(plot, "forest-bcg.svg");
        var doc = XDocument.Parse(plot.ToSvg());

        var squares = doc.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "study-weight").ToArray();
        Assert.Equal(13, squares.Length);
        // Square area proportional to weight: side² / weight is the same for every study.
        var ratios = squares.Select((s, i) => Math.Pow((double)s.Attribute("width")!, 2) / model.Weights[i]).ToArray();
        Assert.True(ratios.Max() / ratios.Min() < 1.05, string.Join(", ", ratios));
        var diamond = doc.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "pooled-diamond");
        Assert.NotNull(diamond);
        var text = string.Join("|", doc.Descendants(Svg + "text").Select(t => t.Value));
        Assert.Contains("0.49 [0.34, 0.70]", text, StringComparison.Ordinal);
        Assert.Contains("[0.15, 1.55]", text, StringComparison.Ordinal);
        Assert.Contains("Aronson 1948", text, StringComparison.Ordinal);
        var ticks = doc.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label").Select(t => t.Value).ToArray();
        Assert.Contains("1", ticks);
        Assert.Contains("0.5", ticks);
        Assert.Contains("Pooled risk ratio 0.49 (95% CI 0.34 to 0.70); prediction interval 0.15 to 1.55", plot.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ForestPlot_LabelsNotOnePerStudy_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => Bcg().ForestPlot(["only one"]));
    }

    [Fact]
    public void FunnelPlot_BcgWithTrimAndFillAndContours_DrawsEveryStudyTheImputedOneAndThreeContours()
    {
        var model = Bcg();
        var plot = model.FunnelPlot(contours: true, trimAndFill: model.TrimAndFill());
        SaveForLooking(plot, "funnel-bcg.svg");
        var doc = XDocument.Parse(plot.ToSvg());

        Assert.Equal(13, doc.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("class") == "study"));
        Assert.Single(doc.Descendants(Svg + "circle"), c => (string?)c.Attribute("class") == "imputed");
        Assert.Equal(3, doc.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "contour"));
        Assert.Contains("1 studies imputed by trim-and-fill", plot.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_SameInput_SameBytes()
    {
        Assert.Equal(Bcg().ForestPlot(Labels()).ToSvg(), Bcg().ForestPlot(Labels()).ToSvg());
        Assert.Equal(Bcg().FunnelPlot(true).ToSvg(), Bcg().FunnelPlot(true).ToSvg());
    }
}

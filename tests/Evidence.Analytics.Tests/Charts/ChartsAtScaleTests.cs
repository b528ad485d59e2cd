using System.Globalization;
using Xunit;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>Per-study charts above their documented size (<see cref="ChartOptions.MaxStudyRows"/>,
/// <see cref="ChartOptions.MaxStudyBars"/>) aggregate, and say so; at or below it they draw every study.</summary>
public sealed class ChartsAtScaleTests
{
    private static readonly EvidenceBase Sample = ChartSamples.ScopingReview();

    [Fact]
    public void EffectDirectionPlot_AsManyStudiesAsMaxStudyRows_OneRowPerStudy()
    {
        int studies = Sample.EffectDirectionPlot().Studies.Length;
        var plot = Sample.EffectDirectionPlot(options: new ChartOptions { MaxStudyRows = studies });
        var svg = new SvgInspector(plot.ToSvg());

        Assert.False(plot.IsAggregated);
        Assert.Equal(studies, svg.ByClass("study-row").Count());
        Assert.Empty(svg.ByClass("type-row"));
        Assert.DoesNotContain(svg.Texts(), t => t.Contains("intervention type", StringComparison.Ordinal));
    }

    [Fact]
    public void EffectDirectionPlot_OneStudyMoreThanMaxStudyRows_OneRowPerInterventionTypeCountingItsStudies()
    {
        int studies = Sample.EffectDirectionPlot().Studies.Length;
        var plot = Sample.EffectDirectionPlot(options: new ChartOptions { MaxStudyRows = studies - 1 });
        var svg = new SvgInspector(plot.ToSvg());

        Assert.True(plot.IsAggregated);
        Assert.Empty(svg.ByClass("study-row"));
        // The types of a study, worked out from its interventions, and every type with a study drawn gets one row.
        var typesOf = plot.Studies.ToDictionary(s => s.Id, s => s.InterventionIds.SelectMany(id => Sample.Intervention(id).Types).Select(t => t.Name).ToHashSet());
        var expectedTypes = typesOf.Values.SelectMany(t => t).Distinct().ToHashSet();
        var rows = svg.ByClass("type-row").ToList();
        Assert.Equal(expectedTypes.Order(), rows.Select(r => SvgInspector.Str(r, "data-intervention-type")).Order());
        foreach (var row in rows)
        {
            string type = SvgInspector.Str(row, "data-intervention-type");
            var ofType = plot.Studies.Where(s => typesOf[s.Id].Contains(type)).ToList();
            Assert.Equal(ofType.Count, (int)SvgInspector.Num(row, "data-studies"));
            foreach (var cell in row.Elements().Where(e => SvgInspector.Attr(e, "class") == "type-cell"))
            {
                var domain = plot.Domains.Single(d => d.Name == SvgInspector.Attr(cell, "data-domain"));
                var directions = ofType.Select(s => plot.DirectionOf(s, domain)).ToList();
                Assert.Equal(directions.Count(d => d == Direction.Improved), (int)SvgInspector.Num(cell, "data-improved"));
                Assert.Equal(directions.Count(d => d is Direction.NoDifference or Direction.Mixed), (int)SvgInspector.Num(cell, "data-no-change"));
                Assert.Equal(directions.Count(d => d == Direction.Worsened), (int)SvgInspector.Num(cell, "data-worsened"));
                Assert.Equal(directions.Count(d => d == Direction.NotReported), (int)SvgInspector.Num(cell, "data-not-reported"));
            }
        }
        string text = string.Join(" ", svg.Texts());
        Assert.Contains("one row per intervention type", text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"With more than {studies - 1} studies ({studies})"), text, StringComparison.Ordinal);
        Assert.Contains("one row per intervention type", plot.Description, StringComparison.Ordinal);
        // The vote-count summary is the same whether the rows are studies or intervention types.
        var perStudy = new SvgInspector(Sample.EffectDirectionPlot().ToSvg());
        static string Summary(System.Xml.Linq.XElement e) => string.Join("|", e.Attributes().Select(a => a.ToString()).Append(string.Join("/", e.Descendants().Select(d => d.Value))));
        Assert.Equal(perStudy.ByClass("domain-summary").Select(Summary), svg.ByClass("domain-summary").Select(Summary));
        Assert.Empty(svg.Overlaps());
    }

    [Fact]
    public void HarvestPlot_LargestCellAtMaxStudyBars_OneBarPerStudy()
    {
        var plot = Sample.HarvestPlot(options: new ChartOptions { MaxStudyBars = LargestCell(Sample.HarvestPlot()) });
        var svg = new SvgInspector(plot.ToSvg());

        Assert.False(plot.IsAggregated);
        Assert.NotEmpty(svg.ByClass("harvest-bar"));
        Assert.Empty(svg.ByClass("harvest-group-bar"));
    }

    [Fact]
    public void HarvestPlot_LargestCellAboveMaxStudyBars_OneBarPerDesignGroupAsTallAsItsStudies()
    {
        int largest = LargestCell(Sample.HarvestPlot());
        var plot = Sample.HarvestPlot(options: new ChartOptions { MaxStudyBars = largest - 1 });
        var svg = new SvgInspector(plot.ToSvg());

        Assert.True(plot.IsAggregated);
        Assert.Empty(svg.ByClass("harvest-bar"));
        foreach (var row in svg.ByClass("domain-row"))
        {
            var domain = plot.Domains.Single(d => d.Name == SvgInspector.Attr(row, "data-domain"));
            foreach (var cell in row.Elements().Where(e => SvgInspector.Attr(e, "class") == "harvest-cell"))
            {
                var direction = Enum.Parse<Direction>(SvgInspector.Str(cell, "data-direction"));
                var bars = cell.Elements().Where(e => SvgInspector.Attr(e, "class") == "harvest-group-bar").ToList();
                Assert.Equal(Enum.GetNames<DesignGroup>(), bars.Select(b => SvgInspector.Str(b, "data-design-group")));
                foreach (var bar in bars)
                {
                    var group = Enum.Parse<DesignGroup>(SvgInspector.Str(bar, "data-design-group"));
                    Assert.Equal(plot.StudiesIn(domain, direction).Count(s => s.DesignGroup == group), (int)SvgInspector.Num(bar, "data-studies"));
                }
            }
        }
        var heights = svg.ByClass("harvest-group-bar").Select(b => (Value: SvgInspector.Num(b, "data-studies"), Length: SvgInspector.Num(b, "height"))).Where(m => m.Value > 0).ToList();
        double ratio = heights[0].Length / heights[0].Value;
        Assert.All(heights, m => Assert.InRange(m.Length, m.Value * ratio - 0.02, m.Value * ratio + 0.02));
        string text = string.Join(" ", svg.Texts());
        Assert.Contains("one bar per design group", text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"With more than {largest - 1} studies in a cell (up to {largest} here)"), text, StringComparison.Ordinal);
        Assert.Empty(svg.Overlaps());
    }

    [Fact]
    public void HarvestPlot_CellsOfThousands_CountWithThousandsSeparators()
    {
        // 8,000 generated studies: the "no difference or mixed" cells hold well over 1,000 studies each.
        var plot = Evidence.Analytics.Testing.SyntheticEvidence.Generate(8_000).HarvestPlot();
        var labels = new SvgInspector(plot.ToSvg()).Texts().Where(t => t.EndsWith(" studies", StringComparison.Ordinal) && char.IsAsciiDigit(t[0])).ToList();

        Assert.Contains(labels, t => t.Length > "999 studies".Length);
        Assert.All(labels, t => Assert.Matches(@"^\d{1,3}(,\d{3})* studies$", t));
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(200, 0)]
    public void ChartOptions_NoStudyRowsOrBars_Refused(int rows, int bars) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Sample.EffectDirectionPlot(options: new ChartOptions { MaxStudyRows = rows, MaxStudyBars = bars }));

    private static int LargestCell(HarvestPlot plot) =>
        plot.Domains.SelectMany(d => new[] { Direction.Improved, Direction.NoDifference, Direction.Worsened }.Select(c => plot.StudiesIn(d, c).Length)).Max();
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Evidence.Analytics.Tests.Realist;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>What the theme × family chart encodes, read back from its SVG: on <see cref="HandMadeReview"/>, whose cells
/// are worked out by hand below, and on the bundled realist sample, whose cells are counted here from the configurations
/// themselves. (Accessibility, overlaps, culture, determinism and approval run on the sample in the chart gallery.)</summary>
/// <remarks>
/// The hand-made review's matrix (themes in order of first family, then first appearance; "use of volunteers" is the
/// same theme as "Use of volunteers"):
///                            Take-up             Positive impact            Negative impact     distinct studies
///   Use of volunteers        TU1: S1 S2 S4 (3)   gap                        NI1: S1 S3 (2)      S1 S2 S3 S4 = 4, not 3 + 2
///   Format of the support    TU1: S1 S2 S4 (3)   gap                        gap                 3
///   Meaningful relationships gap                 PI1, PI2: S2 S3 S6 S7 (4)  gap                 4
///   Culture of negativity    gap                 gap                        NI1: S1 S3 (2)      2
/// NI2 has no theme. Five cells have configurations and seven are gaps.
/// </remarks>
public sealed partial class ThemeFamilyChartTests
{
    private static readonly ThemeFamilyChart HandMade = HandMadeReview.Create().ThemeFamilyChart();

    private static readonly EvidenceBase Sample = EvidenceWorkbook.Read(PerinatalPeerSupportSampleTests.SampleFolder).GetEvidenceOrThrow();

    [Fact]
    public void ToSvg_HandMadeReview_CellsHoldTheConfigurationsAndDistinctStudiesWorkedOutByHand()
    {
        var svg = new SvgInspector(HandMade.ToSvg());

        var cells = svg.ByClass("theme-cell").Select(c => (
            SvgInspector.Str(c, "data-theme"), SvgInspector.Str(c, "data-family"),
            SvgInspector.Str(c, "data-configuration-ids"), SvgInspector.Str(c, "data-configurations"), SvgInspector.Str(c, "data-studies"))).ToArray();
        Assert.Equal(
        [
            ("Use of volunteers", "Take-up", "TU1", "1", "3"),
            ("Use of volunteers", "Negative impact", "NI1", "1", "2"),
            ("Format of the support", "Take-up", "TU1", "1", "3"),
            ("Meaningful relationships", "Positive impact", "PI1 PI2", "2", "4"),
            ("Culture of negativity", "Negative impact", "NI1", "1", "2"),
        ], cells);
        var labels = svg.ByClass("theme-cell").Single(c => SvgInspector.Str(c, "data-theme") == "Meaningful relationships");
        Assert.Equal(["2 configurations", "4 studies", "PI1, PI2"], labels.Descendants(SvgInspector.Svg + "tspan").Select(t => t.Value));
    }

    [Fact]
    public void ToSvg_HandMadeReview_EmptyCellsAreHatchedGapsWithoutMarks()
    {
        var svg = new SvgInspector(HandMade.ToSvg());

        var gaps = svg.ByClass("gap-cell").Select(g => (SvgInspector.Str(g, "data-theme"), SvgInspector.Str(g, "data-family"))).ToArray();
        Assert.Equal(
        [
            ("Use of volunteers", "Positive impact"),
            ("Format of the support", "Positive impact"),
            ("Format of the support", "Negative impact"),
            ("Meaningful relationships", "Take-up"),
            ("Meaningful relationships", "Negative impact"),
            ("Culture of negativity", "Take-up"),
            ("Culture of negativity", "Positive impact"),
        ], gaps);
        Assert.All(svg.ByClass("gap-cell"), g => Assert.Matches("^url\\(#themes-[0-9a-f]+-hatch-", SvgInspector.Str(g, "fill")));
        Assert.Equal(5, svg.ByClass("mark").Count(m => m.Parent is { } p && SvgInspector.Str(p, "class") == "theme-cell"));
    }

    [Fact]
    public void ToSvg_HandMadeReview_RowTotalsAreDistinctStudiesNotSumsOfCells()
    {
        var totals = new SvgInspector(HandMade.ToSvg()).ByClass("row-total").Select(t => (SvgInspector.Str(t, "data-theme"), t.Value)).ToArray();

        // Use of volunteers: take-up S1 S2 S4 and negative impact S1 S3 are four studies; the cells sum to five.
        Assert.Equal([("Use of volunteers", "4"), ("Format of the support", "3"), ("Meaningful relationships", "4"), ("Culture of negativity", "2")], totals);
    }

    [Fact]
    public void ToSvg_HandMadeReview_MarkAreaProportionalToStudiesWhateverTheShape()
    {
        // Squares (take-up, 3 studies), a circle (positive impact, 4) and triangles (negative impact, 2), row by row:
        // the area each covers, measured from its geometry, divided by its studies is the same for all.
        var marks = MarksWithStudies(new SvgInspector(HandMade.ToSvg()));

        Assert.Equal(["rect", "path", "rect", "circle", "path"], marks.Select(m => m.Mark.Name.LocalName));
        Assert.Equal([3, 2, 3, 4, 2], marks.Select(m => m.Studies));
        AssertAreaPerStudyConstant(marks);
    }

    [Fact]
    public void ToSvg_HandMadeReview_NoteListsTheConfigurationWithoutATheme()
    {
        var svg = new SvgInspector(HandMade.ToSvg());

        Assert.Contains("1 configuration has no theme and is not shown: NI2.", string.Join(" ", svg.ByClass("chart-note").SelectMany(n => n.Elements()).Select(t => t.Value)), StringComparison.Ordinal);
        Assert.EndsWith("1 configuration has no theme and is not shown: NI2.", HandMade.Description, StringComparison.Ordinal);
        Assert.Contains("Use of volunteers: Take-up 1 configuration from 3 studies; Negative impact 1 configuration from 2 studies; 4 distinct studies in all.", HandMade.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("no theme", string.Join(" ", new SvgInspector(Sample.ThemeFamilyChart().ToSvg()).Texts()), StringComparison.Ordinal);
    }

    [Fact]
    public void ToSvg_Sample_EveryCellMatchesTheConfigurationsCountedHere()
    {
        var svg = new SvgInspector(Sample.ThemeFamilyChart().ToSvg());

        // Counted from the configurations, not through ThemeFamilyMatrix: per theme (ignoring case) and family, the
        // configurations tagged with it and the distinct studies supporting them.
        var expected = new Dictionary<(string Theme, string Family), (List<string> Ids, HashSet<string> Studies)>();
        foreach (var configuration in Sample.Configurations)
        {
            foreach (string theme in configuration.Themes)
            {
                var key = (theme.ToUpperInvariant(), configuration.Family.Name);
                if (!expected.TryGetValue(key, out var cell)) expected[key] = cell = ([], new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                cell.Ids.Add(configuration.Id);
                cell.Studies.UnionWith(configuration.SupportingStudyIds);
            }
        }
        var cells = svg.ByClass("theme-cell").ToList();
        Assert.Equal(expected.Count, cells.Count);
        foreach (var element in cells)
        {
            var (ids, studies) = expected[(SvgInspector.Str(element, "data-theme").ToUpperInvariant(), SvgInspector.Str(element, "data-family"))];
            Assert.Equal(string.Join(' ', ids), SvgInspector.Str(element, "data-configuration-ids"));
            Assert.Equal(ids.Count.ToString(CultureInfo.InvariantCulture), SvgInspector.Str(element, "data-configurations"));
            Assert.Equal(studies.Count.ToString(CultureInfo.InvariantCulture), SvgInspector.Str(element, "data-studies"));
        }
        // Every other theme × family (of the families with configurations) is a gap.
        int themes = Sample.Configurations.SelectMany(c => c.Themes).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        int families = Sample.Configurations.Select(c => c.Family).Distinct().Count();
        Assert.Equal(themes * families - expected.Count, svg.ByClass("gap-cell").Count());
        Assert.DoesNotContain(svg.ByClass("gap-cell"), g => expected.ContainsKey((SvgInspector.Str(g, "data-theme").ToUpperInvariant(), SvgInspector.Str(g, "data-family"))));
        Assert.Equal(themes, svg.ByClass("row-total").Count());
    }

    [Fact]
    public void ToSvg_Sample_MarkAreaProportionalToStudies()
    {
        var marks = MarksWithStudies(new SvgInspector(Sample.ThemeFamilyChart().ToSvg()));

        Assert.True(marks.Select(m => m.Studies).Distinct().Count() >= 5, "the sample's cells have many different study counts");
        AssertAreaPerStudyConstant(marks);
        // Within a family (one shape) the squared sizes are in the ratio of the studies: 14 and 3 studies.
        var circles = marks.Where(m => m.Mark.Name.LocalName == "circle").ToList();
        var (most, fewest) = (circles.MaxBy(m => m.Studies), circles.MinBy(m => m.Studies));
        Assert.Equal((14, 3), (most.Studies, fewest.Studies));
        Assert.Equal(14.0 / 3, Math.Pow(SvgInspector.Num(most.Mark, "r") / SvgInspector.Num(fewest.Mark, "r"), 2), 0.05);
    }

    [Fact]
    public void ToSvg_Sample_MarksHaveTheConfigurationMatrixsFamilyShapesAndColours()
    {
        var matrix = new SvgInspector(Sample.ConfigurationMatrix().ToSvg());
        var themes = new SvgInspector(Sample.ThemeFamilyChart().ToSvg());

        var matrixMarks = matrix.ByClass("configuration").SelectMany(row => row.Elements().Where(e => SvgInspector.Str(e, "class") == "mark")
            .Select(m => (Family: SvgInspector.Str(row, "data-family"), Shape: m.Name.LocalName, Fill: SvgInspector.Str(m, "fill")))).Distinct().OrderBy(m => m.Family).ToArray();
        var themeMarks = themes.ByClass("theme-cell").SelectMany(cell => cell.Elements().Where(e => SvgInspector.Str(e, "class") == "mark")
            .Select(m => (Family: SvgInspector.Str(cell, "data-family"), Shape: m.Name.LocalName, Fill: SvgInspector.Str(m, "fill")))).Distinct().OrderBy(m => m.Family).ToArray();

        Assert.Equal(3, themeMarks.Length);
        Assert.Equal(matrixMarks, themeMarks);
    }

    [Fact]
    public void ToSvg_LongThemesAndAFamilyOutsideTheSeed_WrapWithoutOverlapInsideTheCanvas()
    {
        const string longTheme = "Feeling that the peer supporter understood the mother's experience because she had lived through perinatal depression herself";
        var sustainment = new ConfigurationFamily("Sustainment of the programme after funding ends");
        var evidence = new EvidenceBase(
            [.. Enumerable.Range(1, 12).Select(i => new Study($"S{i}", new Citation("A B", 2021, "T"), StudyDesign.Qualitative))],
            configurations:
            [
                new CmoConfiguration("TU1", ConfigurationFamily.TakeUp, "c", "m", "o", ["S1", "S2"], [longTheme]),
                new CmoConfiguration("SU1", sustainment, "c", "m", "o", ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"], [longTheme, "Funding"]),
                new CmoConfiguration("SU2", sustainment, "c", "m", "o", ["S10"], ["Funding"]),
                new CmoConfiguration("SU3", sustainment, "c", "m", "o", ["S11"], ["funding"]),
                new CmoConfiguration("SU4", sustainment, "c", "m", "o", ["S12"], ["Funding"]),
            ]);
        var chart = evidence.ThemeFamilyChart();
        var svg = new SvgInspector(chart.ToSvg());

        Assert.Equal([ConfigurationFamily.TakeUp, sustainment], chart.Columns.ToArray());
        var label = svg.ByClass("row-label").First();
        Assert.True(label.Elements().Count() > 1, "the long theme wraps");
        Assert.Equal(longTheme, string.Join(" ", label.Elements().Select(t => t.Value)));
        Assert.Empty(svg.Overlaps());
        Assert.DoesNotContain(svg.Lines(), l => l.Box.X < -0.5 || l.Box.Y < -0.5 || l.Box.Right > svg.Width + 0.5 || l.Box.Bottom > svg.Height + 0.5);
        // The long theme: S1–S2 in take-up and S1–S9 in sustainment are 9 distinct studies; Funding: 12.
        Assert.Equal(["9", "12"], svg.ByClass("row-total").Select(t => t.Value));
        Assert.Equal("SU1 SU2 SU3 SU4", SvgInspector.Str(svg.ByClass("theme-cell").Last(), "data-configuration-ids"));
        AssertAreaPerStudyConstant(MarksWithStudies(svg));
    }

    [Fact]
    public void ToSvg_NoConfigurationHasATheme_DrawsNoCellsAndSaysSo()
    {
        var evidence = new EvidenceBase(
            [new Study("S1", new Citation("A B", 2021, "T"), StudyDesign.Qualitative)],
            configurations: [new CmoConfiguration("TU1", ConfigurationFamily.TakeUp, "c", "m", "o", ["S1"]), new CmoConfiguration("NI1", ConfigurationFamily.NegativeImpact, "c", "m", "o", ["S1"])]);

        var svg = new SvgInspector(evidence.RealistSynthesis().ThemeFamilyChart().ToSvg());

        Assert.Empty(svg.ByClass("theme-cell"));
        Assert.Empty(svg.ByClass("gap-cell"));
        string note = string.Join(" ", svg.ByClass("chart-note").SelectMany(n => n.Elements()).Select(t => t.Value));
        Assert.StartsWith("No configuration has a theme.", note, StringComparison.Ordinal);
        Assert.EndsWith("2 configurations have no theme and are not shown: TU1, NI1.", note, StringComparison.Ordinal);
    }

    private static List<(XElement Mark, int Studies)> MarksWithStudies(SvgInspector svg) =>
        [.. svg.ByClass("theme-cell").Select(cell => (cell.Elements().Single(e => SvgInspector.Str(e, "class") == "mark"), (int)SvgInspector.Num(cell, "data-studies")))];

    private static void AssertAreaPerStudyConstant(IReadOnlyList<(XElement Mark, int Studies)> marks)
    {
        var perStudy = marks.Select(m => Area(m.Mark) / m.Studies).ToList();
        Assert.All(perStudy, a => Assert.Equal(perStudy[0], a, perStudy[0] * 0.01));
    }

    /// <summary>The area a mark covers, from its geometry: a rect, a circle, or a closed polygon path (shoelace formula).</summary>
    private static double Area(XElement mark)
    {
        switch (mark.Name.LocalName)
        {
            case "rect": return SvgInspector.Num(mark, "width") * SvgInspector.Num(mark, "height");
            case "circle": return Math.PI * Math.Pow(SvgInspector.Num(mark, "r"), 2);
            default:
                var points = PathPoint().Matches(SvgInspector.Str(mark, "d"))
                    .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
                Assert.True(points.Count >= 3, SvgInspector.Str(mark, "d"));
                double twice = 0;
                for (int i = 0; i < points.Count; i++)
                {
                    var (a, b) = (points[i], points[(i + 1) % points.Count]);
                    twice += a.X * b.Y - b.X * a.Y;
                }
                return Math.Abs(twice) / 2;
        }
    }

    [GeneratedRegex(@"[ML]([-\d.]+),([-\d.]+)")]
    private static partial Regex PathPoint();
}

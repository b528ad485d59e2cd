using System.Xml.Linq;
using Evidence.Analytics.Tests.Interop;
using Xunit;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>The PRISMA 2020 diagram's optional parts: registers apart from databases, the previous version's studies of
/// an updated review, and the other-methods column. Without them the diagram is the approved golden file, unchanged.</summary>
public class PrismaFlowDiagramPartsTests
{
    // Lines joined by spaces: a box's text wraps in the narrow columns.
    private static string Texts(SvgInspector svg) => string.Join(" ", svg.Texts()).Replace('\u00A0', ' ');

    private static double RectX(SvgInspector svg, string stage) =>
        SvgInspector.Num(svg.ByClass("flow-box").Single(g => SvgInspector.Str(g, "data-stage") == stage).Elements(SvgInspector.Svg + "rect").Single(), "x");

    [Fact]
    public void Diagram_UpdatedReviewWithRegistersAndOtherMethods_DrawsEveryBoxWithItsCount()
    {
        var svg = new SvgInspector(Prisma2020CsvTests.FullFlow().Diagram().ToSvg());
        string texts = Texts(svg);

        foreach (string expected in (string[])[
            "Identification of new studies via databases and registers, and via other methods",
            "Databases (n = 1,000)", "MEDLINE (n = 700)", "Registers (n = 50)", "ClinicalTrials.gov (n = 50)",
            "Websites (n = 7)", "Citation searching (n = 2)", "No outcome data (n = 6)",
            "New studies included in review (n = 11)", "Reports of new included studies (n = 14)",
            "Studies included in previous version of review (n = 5)", "Total studies included in review (n = 16)", "Reports of total included studies (n = 20)"])
            Assert.Contains(expected, texts);
        Assert.DoesNotContain("Counts that do not add up", texts);
        // 9 boxes of a new review, 5 of the other methods, the previous version's and the total.
        Assert.Equal(16, svg.ByClass("flow-box").Count());
        // 5 down the main column, 4 across to its side boxes and 1 from the previous version to the total; 2 down the
        // other methods' column, 2 across to its side boxes and 1 from it to the included studies.
        Assert.Equal(15, svg.ByClass("arrow-head").Count());
        // Columns left to right: main, side, other methods, their side.
        Assert.True(RectX(svg, "identified") < RectX(svg, "removed"));
        Assert.True(RectX(svg, "removed") < RectX(svg, "other-identified"));
        Assert.True(RectX(svg, "other-assessed") < RectX(svg, "other-excluded"));
        Assert.Equal(RectX(svg, "removed"), RectX(svg, "previous"));
    }

    [Fact]
    public void Diagram_PreviousVersionWhoseCountsDoNotAddUp_SaysSo()
    {
        var flow = new PrismaFlow(assessed: 40, exclusionReasons: [new("Wrong design", 30)], studiesIncluded: 20, reportsIncluded: 20, previousStudies: 8, previousReports: 8);

        string texts = Texts(new SvgInspector(flow.Diagram().ToSvg()));

        // New reports 20 − 8 = 12, but 40 assessed − 30 excluded = 10.
        Assert.Contains("reports of new included studies is 12 but assessed − excluded with reasons is 10", texts);
    }
}

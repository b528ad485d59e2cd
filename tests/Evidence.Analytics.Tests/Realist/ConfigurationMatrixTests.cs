using Evidence.Analytics.Tests.Charts;

namespace Evidence.Analytics.Tests.Realist;

/// <summary>The configuration matrix draws one mark per configuration–study link and the distinct counts per row
/// (on <see cref="HandMadeReview"/>; the chart conventions — accessibility, overlaps, culture, approval — run on the
/// bundled sample in the chart gallery).</summary>
public sealed class ConfigurationMatrixTests
{
    private static readonly ConfigurationMatrix Matrix = HandMadeReview.Create().ConfigurationMatrix();

    [Fact]
    public void ToSvg_OneMarkPerLink_InTheStudysColumn()
    {
        var svg = new SvgInspector(Matrix.ToSvg());
        var marks = svg.ByClass("mark").Where(m => SvgInspector.Attr(m, "data-study") is not null).ToList();

        // Links: TU1 3, PI1 3, NI1 2, NI2 2 (S1 and S6), PI2 1 = 11.
        Assert.Equal(11, marks.Count);
        Assert.Equal(["S1", "S6"], marks.Where(m => SvgInspector.Attr(m.Parent!, "data-configuration") == "NI2").Select(m => SvgInspector.Str(m, "data-study")));
    }

    [Fact]
    public void ToSvg_RowCounts_AreDistinctStudiesAndProgrammes()
    {
        var row = new SvgInspector(Matrix.ToSvg()).ByClass("configuration").Single(g => SvgInspector.Attr(g, "data-configuration") == "NI2");

        Assert.Equal(("2", "1"), (SvgInspector.Str(row, "data-studies"), SvgInspector.Str(row, "data-programmes")));
    }

    [Fact]
    public void Columns_GroupStudiesByProgramme_AndLeaveOutUnlinkedStudies()
    {
        // P1: S1, S6; P2: S2, S7; P3: S3; P4: S4; P6 has only S7, already placed under P2. S5 supports nothing.
        Assert.Equal(["S1", "S6", "S2", "S7", "S3", "S4"], Matrix.Columns.Select(s => s.Id));
        Assert.Equal("P2", Matrix.ProgrammeOf(3)!.Id);
        Assert.Contains("1 study supports no configuration and is not shown", string.Join(" ", new SvgInspector(Matrix.ToSvg()).Texts()), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_AreInFamilyOrder()
    {
        Assert.Equal(["TU1", "PI1", "PI2", "NI1", "NI2"], Matrix.Rows.Select(r => r.Configuration.Id));
    }
}

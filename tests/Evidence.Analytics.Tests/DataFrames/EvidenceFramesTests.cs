using Evidence.Analytics.DataFrames;
using Evidence.Analytics.Tests.Realist;
using Microsoft.Data.Analysis;

namespace Evidence.Analytics.Tests.DataFrames;

/// <summary>DataFrames of an evidence base count what the library counts (the hand-made realist review and the
/// postpartum sample, whose published counts are 33 studies, 15 RCTs, and 7 of 9 RCTs improving social connection).</summary>
public sealed class EvidenceFramesTests
{
    private static EvidenceBase Postpartum() =>
        EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx")).GetEvidenceOrThrow();

    [Fact]
    public void StudiesFrame_PostpartumSample_HasOneTypedRowPerStudy()
    {
        var studies = Postpartum().StudiesFrame();

        Assert.Equal(33, studies.Rows.Count);
        Assert.IsType<Int32DataFrameColumn>(studies["Year"]);
        Assert.Equal(15, studies.Filter(studies["DesignGroup"].ElementwiseEquals("RCT")).Rows.Count);
    }

    [Fact]
    public void ShareFrame_RctsSocialConnection_CountsSevenImprovedOfNine()
    {
        var share = Postpartum().Share(DesignGroup.Rct, OutcomeDomain.SocialConnection).ToDataFrame();
        var direction = share["Direction"];

        Assert.Equal(7, share.Filter(direction.ElementwiseEquals("Improved")).Rows.Count);
        Assert.Equal(9, share.Filter(direction.ElementwiseNotEquals("Not reported")).Rows.Count);
    }

    [Fact]
    public void FindingsFrame_DistinctStudiesPerOutcome_EqualTheEvidenceMapsCells()
    {
        var evidence = Postpartum();
        var findings = evidence.FindingsFrame();
        var studies = evidence.StudiesFrame();
        var designOf = studies.Rows.ToDictionary(r => (string)r["Study"], r => (string)r["DesignGroup"]);
        var map = evidence.Map(Dimension.DesignGroup, Dimension.OutcomeDomain);

        foreach (var cell in map.Cells)
        {
            int distinct = findings.Rows
                .Where(r => (string)r["Outcome"] == cell.Column && designOf[(string)r["Study"]] == cell.Row)
                .Select(r => (string)r["Study"]).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            Assert.True(distinct == cell.Studies, $"{cell.Row} × {cell.Column}: {distinct} distinct studies in the frame, {cell.Studies} in the map");
        }
        Assert.Equal(map.Cells.Sum(c => c.Studies), (int)map.ToDataFrame()["Studies"].Sum());
    }

    [Fact]
    public void ConfigurationsFrame_HandMadeReview_CountsDistinctStudiesAndProgrammes()
    {
        // NI2 cites S1, s6 and S6: two distinct studies, both of programme P1.
        var configurations = HandMadeReview.Create().RealistSynthesis().ConfigurationsFrame();
        var ni2 = configurations.Filter(configurations["Configuration"].ElementwiseEquals("NI2"));

        Assert.Equal(5, configurations.Rows.Count);
        Assert.Equal(2, ni2["Studies"][0]);
        Assert.Equal(1, ni2["Programmes"][0]);
    }

    [Fact]
    public void StudyInterventionsFrame_HandMadeReview_HasOneRowPerStudyInterventionAndType()
    {
        // S7 evaluates P6 and P2; every other study one programme: 8 links, each programme with no coded type.
        var links = HandMadeReview.Create().StudyInterventionsFrame();

        Assert.Equal(8, links.Rows.Count);
        Assert.Equal(2, links.Filter(links["Study"].ElementwiseEquals("S7")).Rows.Count);
    }
}

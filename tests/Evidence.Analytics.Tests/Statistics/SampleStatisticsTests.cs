using Evidence.Analytics.Tests.Import;

namespace Evidence.Analytics.Tests.Statistics;

/// <summary>The sample evidence base (data-samples/postpartum-social-prescribing, coded to the scoping review's published
/// counts) through the map and share API.</summary>
public class SampleStatisticsTests
{
    private static readonly EvidenceBase Sample = EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow();

    [Fact]
    public void Map_Sample_RowTotalsReproduceThePublishedInterventionCounts()
    {
        var map = Sample.Map();

        // Seed abstract: social support 23, education/information 16, physical wellbeing 11, creative/recreational 10,
        // therapeutic support 9, service navigation 7 (76 codes across 33 studies).
        Assert.Equal<int>([23, 16, 11, 10, 9, 7], map.RowTotals);
        Assert.Equal(33, map.TotalStudies);
        Assert.Empty(map.UnmappedStudyIds);
    }

    [Fact]
    public void Map_SampleByDesignGroup_ReproducesThePublishedDesignCounts()
    {
        var map = Sample.Map(Dimension.DesignGroup, Dimension.Country);

        // Seed abstract: 15 RCTs, 6 qualitative studies, 12 other designs.
        Assert.Equal<int>([15, 6, 12], map.RowTotals);
    }

    [Fact]
    public void RankOutcomes_SampleRcts_PutSocialConnectionFirst()
    {
        var ranking = Sample.RankOutcomes(design: DesignGroup.Rct);

        // Seed abstract: "social connection was the most reliable positive outcome".
        Assert.Equal("Social connection", ranking.Entries[0].Label);
        Assert.Equal("Social connection", Sample.RankOutcomes().Entries[0].Label);
    }

    [Fact]
    public void SummariseTypology_Sample_IsMostlyLight()
    {
        var summary = Sample.SummariseTypology();

        // Seed abstract: most interventions were 'light' social prescribing, with few link workers.
        Assert.Equal(TypologyLevel.Light, summary.Levels.MaxBy(l => l.Interventions)!.Level);
        Assert.Equal(Sample.Interventions.Length, summary.Levels.Sum(l => l.Interventions));
    }
}

namespace Evidence.Analytics.Tests.Model;

public sealed class PrismaFlowTests
{
    // A consistent flow worked by hand: 16,000 identified − 2,149 duplicates = 13,851 screened;
    // 13,851 − 13,700 = 151 sought; 151 − 6 = 145 assessed; 145 − (70 + 30 + 9) = 36 reports; 33 studies.
    private static PrismaFlow Consistent() => new(
        identified: [new("MEDLINE", 6000), new("CINAHL", 4000), new("PsycINFO", 3500), new("Web of Science", 2500)],
        duplicatesRemoved: 2149,
        screened: 13851,
        excludedAtScreening: 13700,
        sought: 151,
        notRetrieved: 6,
        assessed: 145,
        exclusionReasons: [new("Not postpartum", 70), new("Not a community referral intervention", 30), new("No outcome data", 9)],
        studiesIncluded: 33,
        reportsIncluded: 36);

    [Fact]
    public void Inconsistencies_ConsistentFlow_IsEmpty()
    {
        var flow = Consistent();

        Assert.Empty(flow.Inconsistencies);
        Assert.Equal(16000, flow.IdentifiedTotal);
        Assert.Equal(109, flow.ExcludedWithReasonsTotal);
    }

    [Fact]
    public void Inconsistencies_ScreenedDoesNotAddUp_NamesBothNumbers()
    {
        var flow = new PrismaFlow(identified: [new("MEDLINE", 16000)], duplicatesRemoved: 2000, screened: 13851);

        string problem = Assert.Single(flow.Inconsistencies);
        Assert.Equal("records screened is 13,851 but identified − removed before screening is 14,000", problem);
    }

    [Fact]
    public void Inconsistencies_StudiesExceedReports_IsReported()
    {
        var flow = new PrismaFlow(studiesIncluded: 40, reportsIncluded: 36);

        Assert.Contains("studies included (40) exceeds reports of included studies (36)", flow.Inconsistencies);
    }

    [Fact]
    public void Inconsistencies_OnlyPublishedCounts_ChecksNothingItCannotKnow()
    {
        // The scoping review publishes only 13,851 screened and 33 included (GUIDE.md §4).
        var flow = new PrismaFlow(screened: 13851, studiesIncluded: 33);

        Assert.Empty(flow.Inconsistencies);
    }

    [Fact]
    public void Constructor_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrismaFlow(screened: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrismaFlow(identified: [new("MEDLINE", -5)]));
    }
}

using Evidence.Analytics.Tests.Excel;

namespace Evidence.Analytics.Tests.Realist;

/// <summary>The Realist sheet of the summary workbook, read back through ExcelDataReader (an independent reader) and
/// checked with the Open XML validator.</summary>
public sealed class RealistSheetTests
{
    private static readonly Lazy<byte[]> Sample = new(() =>
        SummaryWorkbookTests.Write(EvidenceWorkbook.Read(PerinatalPeerSupportSampleTests.SampleFolder).GetEvidenceOrThrow()));

    [Fact]
    public void Write_RealistSample_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Sample.Value);
    }

    [Fact]
    public void Write_RealistSample_HasRealistSheetAfterFindings()
    {
        var sheets = XlsxRead.Sheets(Sample.Value).Keys.ToList();

        Assert.Equal(sheets.IndexOf("Findings") + 1, sheets.IndexOf("Realist"));
    }

    [Fact]
    public void Write_ReviewWithoutConfigurations_HasNoRealistSheet()
    {
        Assert.DoesNotContain("Realist", XlsxRead.Sheets(SummaryWorkbookTests.Write(HandMadeReviewWithoutConfigurations())).Keys);
    }

    [Fact]
    public void Write_RealistSheet_OneRowPerConfigurationWithDistinctCounts()
    {
        var rows = XlsxRead.Sheets(SummaryWorkbookTests.Write(HandMadeReview.Create()))["Realist"];
        int header = rows.FindIndex(r => Equals(r[0], "Configuration ID"));
        var ni2 = rows.Single(r => Equals(r[0], "NI2"));

        Assert.Equal(5, header); // sheet row 6, under the title, headline and notes
        Assert.Equal("5 CMO configurations (1 Take-up, 2 Positive impact, 2 Negative impact) supported by 6 studies of 5 programmes; 1 study supports none.", rows[1][0]);
        Assert.Equal(["TU1", "PI1", "NI1", "NI2", "PI2"], rows.Skip(header + 1).Take(5).Select(r => (string)r[0]!));
        // NI2: S1 and S6, both of programme P1 — two studies, one programme.
        Assert.Equal((2.0, 1.0, "S1; S6", "P1", "Qualitative 2"), ((double)ni2[6]!, (double)ni2[7]!, (string)ni2[8]!, (string)ni2[9]!, (string)ni2[10]!));
    }

    [Fact]
    public void Write_RealistSheet_FeatureTableComparesNegativeImpactWithTheRest()
    {
        var rows = XlsxRead.Sheets(SummaryWorkbookTests.Write(HandMadeReview.Create()))["Realist"];
        var header = rows.Single(r => Equals(r[0], "Dimension"));
        var group = rows.Single(r => Equals(r[0], "Format") && Equals(r[1], "Group"));

        Assert.Equal("Negative impact (2 programmes)", header[4]);
        Assert.Equal("No negative impact (3 programmes)", header[5]);
        // Worked by hand in FeatureCooccurrenceTests: group programmes are 1/3, 3/4, 2/2 of each family and 1/3 of the rest.
        Assert.Equal(["1 of 3 (33%)", "3 of 4 (75%)", "2 of 2 (100%)", "1 of 3 (33%)"], group.Skip(2).Take(4).Select(c => (string)c!));
    }

    private static EvidenceBase HandMadeReviewWithoutConfigurations()
    {
        var review = HandMadeReview.Create();
        return new EvidenceBase(review.Studies, review.Interventions);
    }
}

using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

public class SummaryWorkbookTests
{
    internal static byte[] Write(EvidenceBase evidence, string? source = "review.xlsx")
    {
        using var stream = new MemoryStream();
        SummaryWorkbook.Write(evidence, stream, source);
        return stream.ToArray();
    }

    [Fact]
    public void Write_HandMadeReview_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Write(ExcelSamples.Review()));
    }

    [Fact]
    public void Write_SyntheticEvidence_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Write(SyntheticEvidence.Generate(200)));
    }

    [Fact]
    public void Write_EmptyEvidenceBase_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Write(new EvidenceBase([]), source: null));
    }

    [Fact]
    public void Write_Twice_GivesIdenticalBytes()
    {
        Assert.Equal(Write(ExcelSamples.Review()), Write(ExcelSamples.Review()));
    }

    [Fact]
    public void Write_SevenOfNineRctsImproved_SummaryStatesTheHeadlineWithWilsonInterval()
    {
        // 7/9 with a 95% Wilson interval: centre (7/9 + 1.96²/18) / (1 + 1.96²/9) = 0.6947, half-width 0.2421, so 45.3% to 93.7%
        // (Brown, Cai & DasGupta 2001, eq. for the score interval; worked by hand).
        var intervention = new Intervention("I1", "Peer support", [InterventionType.SocialSupport]);
        var studies = Enumerable.Range(1, 9)
            .Select(i => new Study($"S{i}", new Citation($"Author{i} A", 2010 + i, $"Trial {i}"), StudyDesign.Rct, interventionIds: ["I1"]))
            .ToArray();
        var findings = studies.Select((s, i) => new Finding(s.Id, null, OutcomeDomain.SocialConnection, i < 7 ? Direction.Improved : Direction.NoDifference));
        var evidence = new EvidenceBase(studies, [intervention], findings);

        var summary = XlsxRead.Sheets(Write(evidence))["Summary"];

        Assert.Contains("• 7 of 9 RCTs that measured social connection reported improvement (78%, 95% CI 45–94%)", XlsxRead.Texts(summary));
    }

    [Fact]
    public void Write_Sheets_AreInTheCommissionersOrder()
    {
        var sheets = XlsxRead.Sheets(Write(ExcelSamples.Review())).Keys;
        Assert.Equal(["Summary", "Evidence map", "Charts", "Studies", "Interventions", "Findings", "Realist", "Flow", "Methods"], sheets);
    }

    [Fact]
    public void Write_EvidenceMap_CountsDistinctStudiesAndMarksGaps()
    {
        // ExcelSamples: social support is evaluated by S01 (I01) and S02 (I01, I02); both measured social connection,
        // so the cell holds 2 studies even though S02 has findings about two social-support interventions.
        var rows = XlsxRead.Sheets(Write(ExcelSamples.Review()))["Evidence map"];
        var header = rows[3];
        var social = rows.First(r => (r[0] as string) == "Social support");
        int connection = Array.IndexOf(header, "Social connection");
        int service = Array.IndexOf(header, "Service use");
        Assert.Equal(2.0, social[connection]);
        Assert.Equal("Gap", social[service]);
    }

    [Fact]
    public void Write_StudiesSheet_HasOneRowPerStudyWithDoiLinkText()
    {
        var rows = XlsxRead.Sheets(Write(ExcelSamples.Review()))["Studies"];
        Assert.Equal(1 + 3, rows.Count);
        Assert.Equal("10.1136/bmj.b3064", rows[1][5]);
        Assert.Equal("Dennis et al. 2009", rows[1][1]);
    }
}

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
    public void FindingsSheet_FindingsGroupedByStudyOrNot_ListsThemInTheEvidenceOrderWithTheirStudiesAndTypes()
    {
        // Two studies of one intervention each (peer support; arts and social support), the second also evaluating
        // the first's intervention. Worked out by hand: each row names its study, its label and the types of the
        // finding's intervention, or of the study's interventions when the finding names none.
        Intervention peer = new("I1", "Peer group", [InterventionType.SocialSupport]), arts = new("I2", "Arts", [InterventionType.CreativeRecreational]);
        Study first = new("S1", new("Smith J", 2019, "One"), StudyDesign.Rct, interventionIds: ["I1"]);
        Study second = new("S2", new("Jones A; Brown B", 2021, "Two"), StudyDesign.Qualitative, interventionIds: ["I2", "I1"]);
        Finding a = new("S1", null, OutcomeDomain.Seeded[0], Direction.Improved), b = new("S2", "I1", OutcomeDomain.Seeded[0], Direction.NoDifference),
            c = new("S2", null, OutcomeDomain.Seeded[1], Direction.Improved);
        string[][] expected =
        [
            ["S1", "Smith 2019", "Social support"],
            ["S2", "Jones & Brown 2021", "Social support"],
            ["S2", "Jones & Brown 2021", "Social support; Creative/recreational"],
        ];
        foreach (var findings in new[] { new[] { a, b, c }, [b, a, c] })
        {
            var rows = XlsxRead.Sheets(Write(new EvidenceBase([first, second], [peer, arts], findings)))["Findings"].Skip(1)
                .Select(r => new[] { (string)r[0]!, (string)r[1]!, (string)r[4]! }).ToArray();
            string[][] inOrder = [.. findings.Select(f => expected[Array.IndexOf(new[] { a, b, c }, f)])];
            Assert.Equal(inOrder, rows);
        }
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
        var evidence = SocialConnection(Enumerable.Range(0, 9).Select(i => (StudyDesign.Rct, i < 7 ? Direction.Improved : Direction.NoDifference)));

        var summary = XlsxRead.Sheets(Write(evidence))["Summary"];

        Assert.Contains("• 7 of 9 RCTs that reported a direction of effect on social connection found improvement (78%, 95% CI 45–94%).", XlsxRead.Texts(summary));
    }

    [Fact]
    public void Write_StudyWithoutDirection_HeadlineNamesItOutsideTheDenominator()
    {
        // Issue 16: one of ten RCTs measured social connection without reporting a direction. The share is 7 of the 9 that
        // reported one (not "of 9 that measured it"), and the tenth is named after it.
        var evidence = SocialConnection(Enumerable.Range(0, 10).Select(i =>
            (StudyDesign.Rct, i < 7 ? Direction.Improved : i < 9 ? Direction.NoDifference : Direction.NotReported)));

        var summary = XlsxRead.Texts(XlsxRead.Sheets(Write(evidence))["Summary"]);

        Assert.Contains("• 7 of 9 RCTs that reported a direction of effect on social connection found improvement (78%, 95% CI 45–94%); "
            + "1 more RCT measured it without reporting a direction.", summary);
    }

    [Fact]
    public void Write_QualitativeStudies_AreReportedBesideTheShareNotInIt()
    {
        // Issue 16: two RCTs (1 improved, 1 no difference) and three qualitative studies (2 describing improvement, 1
        // mixed). By default the share is 1 of 2 quantitative studies (Wilson 9–91%), with the qualitative ones beside; with
        // includeQualitative it is 3 of 5 studies (Wilson 23–88%).
        var evidence = SocialConnection([(StudyDesign.Rct, Direction.Improved), (StudyDesign.Rct, Direction.NoDifference),
            (StudyDesign.Qualitative, Direction.Improved), (StudyDesign.Qualitative, Direction.Improved), (StudyDesign.Qualitative, Direction.Mixed)]);

        var byDefault = XlsxRead.Sheets(Write(evidence));
        using var included = new MemoryStream();
        SummaryWorkbook.Write(evidence, included, includeQualitative: true);
        var withQualitative = XlsxRead.Sheets(included.ToArray());

        Assert.Contains("• 1 of 2 quantitative studies that reported a direction of effect on social connection found improvement (50%, 95% CI 9–91%), "
            + "plus 3 qualitative studies (2 describing improvement, 1 describing mixed results).", XlsxRead.Texts(byDefault["Summary"]));
        Assert.Contains(XlsxRead.Texts(byDefault["Methods"]), t => t.StartsWith("Not counted in the shares or sign tests", StringComparison.Ordinal));
        Assert.Contains("• 3 of 5 studies that reported a direction of effect on social connection found improvement (60%, 95% CI 23–88%).", XlsxRead.Texts(withQualitative["Summary"]));
        Assert.Contains(XlsxRead.Texts(withQualitative["Methods"]), t => t.StartsWith("Counted in the shares and sign tests", StringComparison.Ordinal));
    }

    /// <summary>One study of social support per entry, of that design, with one social-connection finding in that direction.</summary>
    private static EvidenceBase SocialConnection(IEnumerable<(StudyDesign Design, Direction Direction)> entries)
    {
        var list = entries.ToList();
        var studies = list.Select((e, i) => new Study($"S{i + 1}", new Citation($"Author{i + 1} A", 2011 + i, $"Study {i + 1}"), e.Design, interventionIds: ["I1"])).ToArray();
        var findings = studies.Select((s, i) => new Finding(s.Id, null, OutcomeDomain.SocialConnection, list[i].Direction));
        return new EvidenceBase(studies, [new Intervention("I1", "Peer support", [InterventionType.SocialSupport])], findings);
    }

    [Fact]
    public void Write_Sheets_AreInTheCommissionersOrder()
    {
        var sheets = XlsxRead.Sheets(Write(ExcelSamples.Review())).Keys;
        Assert.Equal(["Summary", "Evidence map", "Charts", "Studies", "Interventions", "Findings", "Realist", "Meta-analysis", "Flow", "Methods"], sheets);
    }

    [Fact]
    public void Write_MetaAnalysisSheet_WithoutAPooledCell_SaysSoAndNamesTheEstimatesLeftOut()
    {
        // ExcelSamples: one OR with a confidence interval (S01) and one MD without (S02): no cell has 2 studies.
        var texts = XlsxRead.Texts(XlsxRead.Sheets(Write(ExcelSamples.Review()))["Meta-analysis"]).ToList();

        Assert.Contains(texts, t => t.StartsWith("No outcome domain and intervention type has at least 2 studies", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("S02: the MD estimate on ", StringComparison.Ordinal) && t.EndsWith("has no confidence interval or standard error, so it is not pooled.", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t == "Pooled estimate");
    }

    [Fact]
    public void Write_ReviewWithoutEstimates_HasNoMetaAnalysisSheet()
    {
        var evidence = ExcelSamples.Review();
        var withoutEstimates = new EvidenceBase(evidence.Studies, evidence.Interventions,
            evidence.Findings.Select(f => new Finding(f.StudyId, f.InterventionId, f.Domain, f.Direction, f.Measure)), evidence.Flow, evidence.Configurations, evidence.Review);

        Assert.DoesNotContain("Meta-analysis", XlsxRead.Sheets(Write(withoutEstimates)).Keys);
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

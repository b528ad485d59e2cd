using Evidence.Analytics.Tests.Maps;
using Xunit;

namespace Evidence.Analytics.Tests.Statistics;

public class ShareTests
{
    /// <summary>GUIDE.md §2's worked example as an evidence base: 15 RCTs measuring social connection, 13 improved and 2
    /// worsened (one of the improved with three findings, 3 of 3 improved), plus a qualitative study that the design
    /// filter must drop and an RCT whose direction is not reported.</summary>
    private static EvidenceBase CochraneExample()
    {
        var intervention = new Intervention("I1", "Peer support", [InterventionType.SocialSupport]);
        var studies = new List<Study>();
        var findings = new List<Finding>();
        for (int i = 1; i <= 15; i++)
        {
            string id = $"R{i:00}";
            studies.Add(new Study(id, new Citation("Author A", 2000 + i, "Trial " + i), StudyDesign.Rct, ["UK"], ["I1"]));
            findings.Add(new Finding(id, null, OutcomeDomain.SocialConnection, i <= 13 ? Direction.Improved : Direction.Worsened));
        }
        findings.Add(new Finding("R01", null, OutcomeDomain.SocialConnection, Direction.Improved));
        findings.Add(new Finding("R01", null, OutcomeDomain.SocialConnection, Direction.Improved));
        findings.Add(new Finding("R02", null, OutcomeDomain.MentalHealth, Direction.Worsened));
        studies.Add(new Study("Q1", new Citation("Author B", 2020, "Interviews"), StudyDesign.Qualitative, ["UK"], ["I1"]));
        findings.Add(new Finding("Q1", null, OutcomeDomain.SocialConnection, Direction.Worsened));
        studies.Add(new Study("R16", new Citation("Author C", 2021, "Trial 16"), StudyDesign.Rct, ["UK"], ["I1"]));
        findings.Add(new Finding("R16", null, OutcomeDomain.SocialConnection, Direction.NotReported));
        return new EvidenceBase(studies, [intervention], findings);
    }

    [Fact]
    public void Share_CochraneExample_Reproduces13Of15WithWilsonAndSignTest()
    {
        var share = CochraneExample().Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection, direction: Direction.Improved);

        // GUIDE.md §2 (Cochrane Handbook ch. 12): 13/15 = 87% (95% CI 62% to 96%), P = 0.007; computed Wilson 0.621–0.963, P = 0.00739.
        Assert.Equal(13, share.Numerator);
        Assert.Equal(15, share.Denominator);
        Assert.Equal(13.0 / 15, share.Proportion!.Value, 12);
        Assert.Equal(0.621, share.Lower!.Value, 3);
        Assert.Equal(0.963, share.Upper!.Value, 3);
        Assert.Equal(0.00739, share.SignTestP, 5);
        Assert.Equal(new DirectionCounts(13, 0, 2, 0, 1), share.Counts);
        Assert.Equal(IntervalMethod.Wilson, share.Method);
        Assert.Equal(0.95, share.Level);
        Assert.Equal(16, share.Studies.Length);
        Assert.Equal(new StudyDirection("R01", Direction.Improved, 3), share.Studies[0]);
    }

    [Fact]
    public void Share_ClopperPearson_UsesExactInterval()
    {
        var share = CochraneExample().Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection, method: IntervalMethod.ClopperPearson);

        // GUIDE.md §2: Clopper–Pearson 13/15 would give 0.595–0.983.
        Assert.Equal(0.595, share.Lower!.Value, 3);
        Assert.Equal(0.983, share.Upper!.Value, 3);
    }

    [Fact]
    public void Share_WorsenedDirection_CountsWorsenedInNumerator()
    {
        var share = CochraneExample().Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection, direction: Direction.Worsened);

        Assert.Equal(2, share.Numerator);
        Assert.Equal(15, share.Denominator);
        Assert.Equal(0.00739, share.SignTestP, 5);
    }

    [Fact]
    public void Share_NoDesign_ReportsTheQualitativeStudyBesideNotInTheShare()
    {
        // Issue 16: vote counting by direction of effect is for quantitative effect estimates, so by default the
        // qualitative study Q1 (worsened) does not vote: 13 of 15 RCTs reporting a direction, R16 not reported, Q1 beside.
        var share = CochraneExample().Share(outcome: OutcomeDomain.SocialConnection);

        Assert.False(share.IncludesQualitative);
        Assert.Equal(new DirectionCounts(13, 0, 2, 0, 1), share.Counts);
        Assert.Equal(15, share.Denominator);
        Assert.Equal(new DirectionCounts(0, 0, 1, 0, 0), share.Qualitative);
        Assert.Equal(17, share.Measured); // R01–R16 and Q1.
        Assert.DoesNotContain(share.Studies, s => s.StudyId == "Q1");
        Assert.Equal(0.00739, share.SignTestP, 5); // 13 against 2, as for the RCTs alone.
        Assert.Equal("quantitative designs, Social connection", share.Description);
    }

    [Fact]
    public void Share_IncludeQualitative_CountsTheQualitativeStudy()
    {
        var share = CochraneExample().Share(outcome: OutcomeDomain.SocialConnection, includeQualitative: true);

        // 13 improved of 16 reporting a direction; Q1 adds a third worsened study: sign test 13 against 3 = 2·Σ_{i≤3} C(16,i)/2¹⁶ = 2·697/65536.
        Assert.True(share.IncludesQualitative);
        Assert.Equal(new DirectionCounts(13, 0, 3, 0, 1), share.Counts);
        Assert.Equal(16, share.Denominator);
        Assert.Equal(default, share.Qualitative);
        Assert.Equal(17, share.Measured);
        Assert.Equal(2 * 697 / 65536.0, share.SignTestP, 12);
        Assert.Equal("all designs, Social connection", share.Description);
    }

    [Fact]
    public void Share_QualitativeDesignNamed_CountsQualitativeStudiesAsAsked()
    {
        var evidence = CochraneExample();

        // Naming the qualitative design group (as the design or in the filter) asks for their votes.
        var byGroup = evidence.Share(design: DesignGroup.Qualitative, outcome: OutcomeDomain.SocialConnection);
        var byFilter = evidence.Share(outcome: OutcomeDomain.SocialConnection, filter: EvidenceFilter.All with { Designs = [StudyDesign.Qualitative] });

        Assert.All((Share[])[byGroup, byFilter], share =>
        {
            Assert.True(share.IncludesQualitative);
            Assert.Equal(new DirectionCounts(0, 0, 1, 0, 0), share.Counts);
            Assert.Equal(default, share.Qualitative);
        });
    }

    [Fact]
    public void Share_HandCountedBase_GivesOneVotePerStudy()
    {
        var share = HandCountedEvidence.Create().Share(outcome: OutcomeDomain.SocialConnection);

        // S1 two of two improved; S2 improved; S4 one improved, one no difference (50%) → mixed; S3 (qualitative) mixed,
        // reported beside and not counted.
        Assert.Equal(new DirectionCounts(2, 0, 0, 1, 0), share.Counts);
        Assert.Equal(new DirectionCounts(0, 0, 0, 1, 0), share.Qualitative);
        Assert.Equal(2, share.Numerator);
        Assert.Equal(3, share.Denominator);
        Assert.Equal(0.5, share.SignTestP, 12); // 2 improved, 0 worsened: 2·½² = 0.5.
    }

    [Fact]
    public void Share_FilterAndPooledOutcomes_CombineDirectionsPerStudy()
    {
        var evidence = HandCountedEvidence.Create();

        // All outcomes pooled, UK only: S1 (2 improved + 1 no difference → mixed), S4 (2 improved + 1 no difference → mixed);
        // S3 (qualitative, mixed) beside.
        var share = evidence.Share(filter: EvidenceFilter.All with { Countries = ["UK"] });
        Assert.Equal(new DirectionCounts(0, 0, 0, 2, 0), share.Counts);
        Assert.Equal(new DirectionCounts(0, 0, 0, 1, 0), share.Qualitative);

        // Intervention I2 only: S2's physical-health finding (about I2) and its mental-health finding (about all) → 1 improved,
        // 1 worsened → mixed; S4 → mixed.
        var walking = evidence.Share(filter: EvidenceFilter.All with { InterventionIds = ["I2"] });
        Assert.Equal(new DirectionCounts(0, 0, 0, 2, 0), walking.Counts);
    }

    [Fact]
    public void Share_NoStudies_HasNullProportionAndSignTestOne()
    {
        var share = HandCountedEvidence.Create().Share(outcome: OutcomeDomain.QualityOfLife);

        Assert.Equal(0, share.Denominator);
        Assert.Null(share.Proportion);
        Assert.Null(share.Lower);
        Assert.Equal(1, share.SignTestP);
        Assert.Contains("no study reported a direction", share.ToString());
    }

    [Fact]
    public void Share_NotReportedDirection_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HandCountedEvidence.Create().Share(direction: Direction.NotReported));
    }

    [Fact]
    public void ToString_CochraneExample_ReadsAsASentence()
    {
        string text = CochraneExample().Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection).ToString();

        Assert.Equal("RCTs, Social connection: improved in 13 of 15 studies that reported a direction = 0.867 (95% CI 0.621 to 0.963, Wilson); " +
            "improved 13, no difference 0, worsened 2, mixed 0, not reported 1; sign test P = 0.0074", text);
    }

    [Fact]
    public void RankOutcomes_HandCountedBase_RanksByLowerLimit()
    {
        var ranking = HandCountedEvidence.Create().RankOutcomes();

        // Quantitative studies only: social connection 2/3 (S3 beside; Wilson lower 0.2077), physical health 1/1 (0.2065),
        // mental health 1/3 (0.061).
        Assert.Equal<string>(["Social connection", "Physical health", "Mental health"], ranking.Entries.Select(e => e.Label));
        Assert.Equal<int>([1, 2, 3], ranking.Entries.Select(e => e.Rank));
        Assert.Equal<string>(["Parenting confidence", "Mother-infant bonding", "Quality of life", "Service use"], ranking.NoEvidence);
    }

    [Fact]
    public void RankInterventionTypes_HandCountedBase_CountsStudiesPerType()
    {
        var ranking = HandCountedEvidence.Create().RankInterventionTypes(outcome: OutcomeDomain.SocialConnection);

        var support = Assert.Single(ranking.Entries, e => e.Label == "Social support");
        Assert.Equal(3, support.Share.Denominator); // S1, S2 (finding about I1), S4.
        Assert.Equal(2, support.Share.Numerator);
        Assert.Contains("Creative/recreational", ranking.NoEvidence);
    }

    [Fact]
    public void SummariseTypology_HandCountedBase_CountsLevelsWithReasons()
    {
        var summary = HandCountedEvidence.Create().SummariseTypology();

        Assert.Equal(new TypologyLevelCount(TypologyLevel.Light, 2, 3), summary[TypologyLevel.Light]);
        Assert.Equal(new TypologyLevelCount(TypologyLevel.Holistic, 1, 1), summary[TypologyLevel.Holistic]);
        Assert.Equal(new TypologyLevelCount(TypologyLevel.Unclassifiable, 1, 1), summary[TypologyLevel.Unclassifiable]);
        Assert.Equal(0, summary[TypologyLevel.Signposting].Interventions);
        Assert.Equal("formal referral into a specific programme, no link worker", summary.Interventions[0].Classification.Reason);
        Assert.Equal(2, summary.Interventions[0].Studies);
    }
}

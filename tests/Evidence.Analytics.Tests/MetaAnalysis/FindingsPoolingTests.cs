namespace Evidence.Analytics.Tests.MetaAnalysis;

/// <summary>Findings with effect estimates pooled per outcome domain × intervention type, against values worked out by
/// hand: with equal sampling variances v, REML's τ² is max(0, s² − v) (s² the sample variance of the estimates), the
/// pooled estimate is their mean and its variance (v + τ²)/k.</summary>
public sealed class FindingsPoolingTests
{
    /// <summary>The 97.5% normal quantile: an interval estimate ± Z·se gives the sampling variance se² back exactly.</summary>
    private const double Z = 1.959963984540054;

    private static EffectEstimate Estimate(string metric, double value, double se) => metric is "RR" or "OR"
        ? new(metric, value, Math.Exp(Math.Log(value) - Z * se), Math.Exp(Math.Log(value) + Z * se))
        : new(metric, value, value - Z * se, value + Z * se);

    private static EvidenceBase Review(params Finding[] findings)
    {
        var studies = findings.Select(f => f.StudyId).Distinct().Select((id, i) =>
            new Study(id, new Citation("Author " + id, 2020, "Trial " + id), i == 0 ? StudyDesign.Rct : StudyDesign.QuasiExperimental, interventionIds: ["I01"]));
        return new EvidenceBase(studies, [new Intervention("I01", "Peer support", [InterventionType.SocialSupport])], findings);
    }

    private static Finding Md(string study, double value, double se = 1, string measure = "EPDS") =>
        new(study, null, OutcomeDomain.MentalHealth, Direction.Improved, measure, Estimate("MD", value, se));

    [Fact]
    public void PoolFindings_TwoAgreeingStudies_PoolTheMeanWithTauSquaredZero()
    {
        // y = −2, −1, v = 1 each: s² = 0.5 < v, so τ² = 0; estimate −1.5, SE √(1/2), I² 0%.
        var pool = Assert.Single(Review(Md("S01", -2), Md("S02", -1)).PoolFindings().Pools);

        Assert.Equal(OutcomeDomain.MentalHealth, pool.Domain);
        Assert.Equal(InterventionType.SocialSupport, pool.InterventionType);
        Assert.Equal("EPDS", pool.OutcomeMeasure);
        Assert.Equal(["S01", "S02"], pool.Studies.Select(s => s.Id));
        Assert.Equal(1, pool.RctCount);
        Assert.Equal(-1.5, pool.Analysis.Estimate, 1e-9);
        Assert.Equal(Math.Sqrt(0.5), pool.Analysis.StandardError, 1e-9);
        Assert.Equal(0, pool.Analysis.Heterogeneity.TauSquared, 1e-9);
        Assert.Equal(-1.5 - Z * Math.Sqrt(0.5), pool.Analysis.Lower, 1e-9);
        // −1.5 ± 1.386 = −2.886 to −0.114; with τ² = 0 the prediction interval is the confidence interval.
        Assert.Equal("Mental health, Social support: pooled mean difference (EPDS) −1.50 (95% CI −2.89 to −0.11) across 2 studies (1 RCT); prediction interval −2.89 to −0.11; I² 0%", pool.Headline);
    }

    [Fact]
    public void PoolFindings_TwoDisagreeingStudies_MatchTheReducedReml()
    {
        // y = −3, 1, v = 1: s² = 8, τ² = 7; estimate −1, SE √((1 + 7)/2) = 2; Q = 8 on 1 df, I² = 7/8 = 87.5%;
        // prediction interval −1 ± Z·√(7 + 4) = −7.50 to 5.50; confidence interval −1 ± 2Z = −4.92 to 2.92.
        var pool = Assert.Single(Review(Md("S01", -3), Md("S02", 1)).PoolFindings().Pools);

        Assert.Equal(7, pool.Analysis.Heterogeneity.TauSquared, 1e-4);
        Assert.Equal(-1, pool.Analysis.Estimate, 1e-6);
        Assert.Equal(2, pool.Analysis.StandardError, 1e-4);
        Assert.Equal(87.5, pool.Analysis.Heterogeneity.ISquared, 1e-3);
        Assert.Equal(-1 - Z * Math.Sqrt(11), pool.Analysis.PredictionLower!.Value, 1e-4);
        Assert.EndsWith("−1.00 (95% CI −4.92 to 2.92) across 2 studies (1 RCT); prediction interval −7.50 to 5.50; I² 88%", pool.Headline);
    }

    [Fact]
    public void PoolFindings_RiskRatios_PoolOnTheLogScaleAndReportRatios()
    {
        // Two RR 0.5 with SE(log RR) 0.2: pooled log RR ln 0.5, SE 0.2/√2; CI exp(ln 0.5 ± 0.2772) = 0.379 to 0.660.
        var review = Review(
            new Finding("S01", null, OutcomeDomain.MentalHealth, Direction.Improved, "Depression caseness", Estimate("RR", 0.5, 0.2)),
            new Finding("S02", null, OutcomeDomain.MentalHealth, Direction.Improved, "EPDS ≥ 13", Estimate("RR", 0.5, 0.2)));

        var pool = Assert.Single(review.PoolFindings().Pools);

        Assert.Equal(EffectMeasure.LogRiskRatio, pool.Analysis.Measure);
        Assert.Null(pool.OutcomeMeasure);
        Assert.Equal(Math.Log(0.5), pool.Analysis.Estimate, 1e-9);
        Assert.Equal("Mental health, Social support: pooled risk ratio 0.50 (95% CI 0.38 to 0.66) across 2 studies (1 RCT); prediction interval 0.38 to 0.66; I² 0%", pool.Headline);
    }

    [Fact]
    public void PoolFindings_StudyWithTwoEstimatesInACell_IsLeftOutWithANote()
    {
        // S01 reports two EPDS mean differences (two follow-ups): not independent, so only S02 and S03 are pooled.
        var result = Review(Md("S01", -2), Md("S01", -4), Md("S02", -1), Md("S03", -1)).PoolFindings();

        var pool = Assert.Single(result.Pools);
        Assert.Equal(["S02", "S03"], pool.Studies.Select(s => s.Id));
        Assert.Equal(-1, pool.Analysis.Estimate, 1e-9);
        var note = Assert.Single(result.Notes);
        Assert.StartsWith("S01: 2 MD (EPDS) on Mental health for Social support estimates; left out", note);
    }

    [Fact]
    public void PoolFindings_MeanDifferencesOnDifferentMeasuresOrMetrics_AreNotPooledTogether()
    {
        var review = Review(Md("S01", -2), Md("S02", -1, measure: "PHQ-9"),
            new Finding("S03", null, OutcomeDomain.MentalHealth, Direction.Improved, "EPDS", Estimate("SMD", -0.3, 0.1)));

        var result = review.PoolFindings();

        Assert.Empty(result.Pools);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void PoolFindings_EstimatesWithoutIntervalOrOnAnotherMetric_AreNamedInTheNotes()
    {
        var review = Review(Md("S01", -2), Md("S02", -1),
            new Finding("S03", null, OutcomeDomain.MentalHealth, Direction.Improved, "EPDS", new EffectEstimate("MD", -1.2)),
            new Finding("S04", null, OutcomeDomain.MentalHealth, Direction.Improved, "EPDS", new EffectEstimate("HR", 0.8, 0.6, 1.1)));

        var result = review.PoolFindings();

        Assert.Equal(["S01", "S02"], Assert.Single(result.Pools).Studies.Select(s => s.Id));
        Assert.Equal(2, result.Notes.Length);
        Assert.Equal("S03: the MD estimate on Mental health has no confidence interval or standard error, so it is not pooled.", result.Notes[0]);
        Assert.StartsWith("S04: the HR estimate on Mental health is not pooled", result.Notes[1]);
    }

    [Fact]
    public void PoolFindings_StandardErrorWithoutInterval_GivesTheVariance()
    {
        // OR 0.5 with SE(log OR) 1 and OR 2 with SE 1: log ORs ∓ln 2 with v = 1 each; s² = 2 ln² 2 = 0.961 < 1, so τ² = 0
        // and the pooled log OR is 0: OR 1.00.
        var review = Review(
            new Finding("S01", null, OutcomeDomain.MentalHealth, Direction.Improved, null, new EffectEstimate("OR", 0.5, standardError: 1)),
            new Finding("S02", null, OutcomeDomain.MentalHealth, Direction.Worsened, null, new EffectEstimate("OR", 2, standardError: 1)));

        var pool = Assert.Single(review.PoolFindings().Pools);

        Assert.Equal(1.0, pool.Analysis.Studies[0].Variance, 1e-12);
        Assert.Equal(Math.Log(0.5), pool.Analysis.Studies[0].Estimate, 1e-12);
        Assert.Equal(0, pool.Analysis.Estimate, 1e-9);
        Assert.Equal(0, pool.Analysis.Heterogeneity.TauSquared, 1e-9);
    }

    [Fact]
    public void PoolFindings_InterventionWithTwoTypes_IsPooledUnderEach()
    {
        var studies = new[] { "S01", "S02" }.Select(id => new Study(id, new Citation("A", 2020, "T " + id), StudyDesign.Rct, interventionIds: ["I01"]));
        var review = new EvidenceBase(studies,
            [new Intervention("I01", "Peer group", [InterventionType.SocialSupport, InterventionType.EducationInformation])],
            [Md("S01", -2), Md("S02", -1)]);

        var pools = review.PoolFindings().Pools;

        Assert.Equal([InterventionType.SocialSupport, InterventionType.EducationInformation], pools.Select(p => p.InterventionType).Order());
        Assert.All(pools, p => Assert.Equal(-1.5, p.Analysis.Estimate, 1e-9));
    }

    [Fact]
    public void PoolFindings_Sample_PoolsTheTwoSmdTrialsOnMentalHealth()
    {
        // S03 SMD −0.28 (−0.45 to −0.11) and S15 −0.31 (−0.55 to −0.07): v = (0.34/3.92)² = 0.007523 and (0.48/3.92)² = 0.014994,
        // weights 132.9 and 66.7; estimate −0.290, SE 1/√199.6 = 0.0708; Q = 0.04 < 1 so τ² = 0; CI −0.43 to −0.15.
        var evidence = EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx")).Evidence!;

        var pool = evidence.PoolFindings().Pools.First(p => p.InterventionType == InterventionType.SocialSupport && p.Analysis.Measure == EffectMeasure.StandardisedMeanDifference);

        Assert.Equal(["S03", "S15"], pool.Studies.Select(s => s.Id));
        Assert.Equal(-0.2900, pool.Analysis.Estimate, 1e-3);
        Assert.Contains("pooled standardised mean difference −0.29 (95% CI −0.43 to −0.15) across 2 studies (2 RCTs)", pool.Headline);
    }
}

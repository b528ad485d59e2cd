namespace Evidence.Analytics.Tests.MetaAnalysis;

/// <summary>Effect sizes against metafor's <c>escalc</c> (reference/reference.csv) and the values documented in
/// meta-analysis.md, and bad input refused with a message naming the value.</summary>
public sealed class EffectSizeTests
{
    public static TheoryData<string> Sets() =>
        ["bcg.RR", "bcg.OR", "bcg.RD", "zeros.RR", "zeros.OR", "zeros.RD", "normand.SMD", "normand.MD", "molloy.ZCOR", "pritz.PR", "pritz.PLO"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void EffectSizes_MatchMetaforEscalc(string set)
    {
        var sizes = MetaReference.EffectSizes(set);
        var yi = MetaReference.Vector(set, "yi");
        var vi = MetaReference.Vector(set, "vi");

        Assert.Equal(yi.Length, sizes.Length);
        for (int i = 0; i < sizes.Length; i++)
        {
            Assert.Equal(yi[i], sizes[i].Estimate, 1e-9);
            Assert.Equal(vi[i], sizes[i].Variance, 1e-9);
        }
    }

    [Fact]
    public void LogRiskRatio_Bcg_MatchesTheDocumentedFirstThreeTrials()
    {
        var sizes = MetaReference.EffectSizes("bcg.RR");

        Assert.Equal(-0.889311, sizes[0].Estimate, 1e-6);
        Assert.Equal(0.325585, sizes[0].Variance, 1e-6);
        Assert.Equal(-1.585389, sizes[1].Estimate, 1e-6);
        Assert.Equal(0.194581, sizes[1].Variance, 1e-6);
        Assert.Equal(-1.348073, sizes[2].Estimate, 1e-6);
        Assert.Equal(0.415368, sizes[2].Variance, 1e-6);
    }

    [Fact]
    public void FromCounts_ZeroCell_AddsAHalfToEveryCellOfThatStudyOnly()
    {
        // 0/10 against 2/10: cells 0.5, 10.5, 2.5, 8.5 → ln((0.5/11)/(2.5/11)) = ln(0.2), vi = 1/0.5 − 1/11 + 1/2.5 − 1/11.
        var zero = EffectSize.FromCounts(EffectMeasure.LogRiskRatio, 0, 10, 2, 8);
        var none = EffectSize.FromCounts(EffectMeasure.LogRiskRatio, 1, 9, 2, 8);

        Assert.Equal(Math.Log(0.2), zero.Estimate, 1e-12);
        Assert.Equal(2 - 2.0 / 11 + 0.4, zero.Variance, 1e-12);
        Assert.Equal(Math.Log(0.5), none.Estimate, 1e-12);
    }

    [Fact]
    public void FromMeans_Smd_UsesTheExactHedgesCorrection()
    {
        // m = 20: c(20) = Γ(10)/(√10·Γ(9.5)) = 0.961945 (exact), against the approximation 1 − 3/(4m − 1) = 0.962025.
        var g = EffectSize.FromMeans(EffectMeasure.StandardisedMeanDifference, 10, 1, 1, 12, 0.5, 1.2);
        double sp = Math.Sqrt((9 * 1.0 + 11 * 1.44) / 20);
        double c = Math.Exp(MathNet.Numerics.SpecialFunctions.GammaLn(10) - 0.5 * Math.Log(10) - MathNet.Numerics.SpecialFunctions.GammaLn(9.5));

        Assert.Equal(0.961945, c, 1e-6);
        Assert.Equal(c * 0.5 / sp, g.Estimate, 1e-12);
        Assert.Equal(0.1 + 1.0 / 12 + g.Estimate * g.Estimate / 44, g.Variance, 1e-12);
    }

    [Fact]
    public void FromConfidenceInterval_Ratio_LogsTheLimitsAndDividesTheirWidthBy2z()
    {
        // Hackshaw 1998, study 1: OR 1.18 (0.90 to 1.54).
        var size = EffectSize.FromConfidenceInterval(EffectMeasure.LogOddsRatio, 1.18, 0.90, 1.54);
        double se = (Math.Log(1.54) - Math.Log(0.90)) / (2 * 1.959963984540054);

        Assert.Equal(Math.Log(1.18), size.Estimate, 1e-12);
        Assert.Equal(se * se, size.Variance, 1e-12);
    }

    [Fact]
    public void FromEstimate_AFindingsRiskRatioWithItsInterval_IsLoggedAsFromTheInterval()
    {
        var size = EffectSize.FromEstimate(new EffectEstimate("RR", 0.49, 0.34, 0.70));
        double se = (Math.Log(0.70) - Math.Log(0.34)) / (2 * 1.959963984540054);

        Assert.Equal(EffectMeasure.LogRiskRatio, size.Measure);
        Assert.Equal(Math.Log(0.49), size.Estimate, 1e-12);
        Assert.Equal(se * se, size.Variance, 1e-12);
    }

    [Fact]
    public void FromEstimate_WithoutInterval_SaysTheVarianceIsUnknown()
    {
        var error = Assert.Throws<ArgumentException>(() => EffectSize.FromEstimate(new EffectEstimate("SMD", 0.3)));

        Assert.Contains("no confidence interval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStandardError_SquaresIt()
    {
        var size = EffectSize.FromStandardError(EffectMeasure.MeanDifference, 2.5, 0.4);

        Assert.Equal(0.16, size.Variance, 1e-15);
        Assert.Equal(0.4, size.StandardError, 1e-15);
    }

    [Theory]
    [InlineData(-1, 10, 2, 8, "events1", "negative")]
    [InlineData(0, 0, 2, 8, "events1", "Group 1 has no participants")]
    [InlineData(1, 9, 0, 0, "events2", "Group 2 has no participants")]
    [InlineData(1, double.NaN, 2, 8, "nonEvents1", "not a finite number")]
    public void FromCounts_BadCounts_NameTheCount(double a, double b, double c, double d, string parameter, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => EffectSize.FromCounts(EffectMeasure.LogOddsRatio, a, b, c, d));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromVariance_ZeroOrNegativeVariance_IsRefused()
    {
        Assert.Equal("variance", Assert.ThrowsAny<ArgumentException>(() => EffectSize.FromVariance(EffectMeasure.Generic, 1, 0)).ParamName);
        Assert.Equal("variance", Assert.ThrowsAny<ArgumentException>(() => EffectSize.FromVariance(EffectMeasure.Generic, 1, -0.2)).ParamName);
    }

    [Fact]
    public void FromCorrelation_OutsideMinusOneToOne_IsRefused()
    {
        Assert.Equal("correlation", Assert.ThrowsAny<ArgumentException>(() => EffectSize.FromCorrelation(1, 50)).ParamName);
        Assert.Equal("size", Assert.ThrowsAny<ArgumentException>(() => EffectSize.FromCorrelation(0.3, 3)).ParamName);
    }

    [Fact]
    public void FromProportion_MoreEventsThanParticipants_IsRefused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => EffectSize.FromProportion(EffectMeasure.Proportion, 11, 10));

        Assert.Equal("events", error.ParamName);
    }

    [Fact]
    public void FromCounts_MeasureOfMeans_IsRefused()
    {
        Assert.Equal("measure", Assert.ThrowsAny<ArgumentException>(() => EffectSize.FromCounts(EffectMeasure.StandardisedMeanDifference, 1, 2, 3, 4)).ParamName);
    }
}

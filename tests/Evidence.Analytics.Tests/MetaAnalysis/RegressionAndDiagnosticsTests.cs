namespace Evidence.Analytics.Tests.MetaAnalysis;

/// <summary>Meta-regression, subgroups and the diagnostics (regtest, ranktest, trimfill, leave1out, influence) against
/// metafor (reference/reference.csv) and the dat.bcg values documented in meta-analysis.md.</summary>
public sealed class RegressionAndDiagnosticsTests
{
    private static EffectSize[] Bcg => MetaReference.EffectSizes("bcg.RR");

    private static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: metafor {expected:R}, here {actual:R}");

    [Theory]
    [InlineData("REML", 1e-4)]
    [InlineData("DL", 1e-6)]
    public void MetaRegression_BcgOnLatitude_MatchesMetafor(string estimator, double tolerance)
    {
        var latitude = MetaReference.ReadTable("bcg.csv").Select(r => MetaReference.Number(r["ablat"])).ToArray();
        var model = MetaRegression.Fit(Bcg, [new Moderator("ablat", latitude)],
            new MetaAnalysisOptions { Estimator = MetaAnalysisCodes.EstimatorFromCode(estimator)!.Value });
        string set = "bcg.RR.ablat." + estimator;

        for (int j = 0; j < 2; j++)
        {
            Close(MetaReference.Value(set, $"b[{j + 1}]"), model.Coefficients[j].Estimate, tolerance, $"b{j}");
            Close(MetaReference.Value(set, $"se[{j + 1}]"), model.Coefficients[j].StandardError, tolerance, $"se{j}");
            Close(MetaReference.Value(set, $"pValue[{j + 1}]"), model.Coefficients[j].PValue, tolerance, $"p{j}");
        }
        Close(MetaReference.Value(set, "tau2"), model.Heterogeneity.TauSquared, tolerance, "tau2");
        Close(MetaReference.Value(set, "I2"), model.Heterogeneity.ISquared, tolerance * 100, "I2");
        Close(MetaReference.Value(set, "R2"), model.RSquared!.Value, tolerance * 100, "R2");
        Close(MetaReference.Value(set, "QM"), model.ModeratorTest, tolerance * 10, "QM");
        Close(MetaReference.Value(set, "QMp"), model.ModeratorPValue, tolerance, "QMp");
        Close(MetaReference.Value(set, "QE"), model.Heterogeneity.Q, 1e-6, "QE");
        Close(MetaReference.Value(set, "QEp"), model.Heterogeneity.QPValue, 1e-9, "QEp");
    }

    [Fact]
    public void MetaRegression_BcgOnLatitude_MatchesTheDocumentedValues()
    {
        var latitude = MetaReference.ReadTable("bcg.csv").Select(r => MetaReference.Number(r["ablat"])).ToArray();
        var model = MetaRegression.Fit(Bcg, [new Moderator("absolute latitude", latitude)]);

        Assert.Equal(0.251464, model.Coefficients[0].Estimate, 1e-4);
        Assert.Equal(-0.029102, model.Coefficients[1].Estimate, 1e-5);
        Assert.Equal(0.007196, model.Coefficients[1].StandardError, 1e-5);
        Assert.Equal("absolute latitude", model.Coefficients[1].Name);
        Assert.Equal(0.076355, model.Heterogeneity.TauSquared, 1e-4);
        Assert.Equal(75.62, model.RSquared!.Value, 1e-2);
        Assert.Equal(16.3571, model.ModeratorTest, 1e-3);
        Assert.Equal(30.7331, model.Heterogeneity.Q, 1e-4);
    }

    [Theory]
    [InlineData("REML", 1e-4)]
    [InlineData("DL", 1e-6)]
    public void Subgroups_BcgByAllocation_MatchMetaforFitsPerGroup(string estimator, double tolerance)
    {
        var allocation = MetaReference.ReadTable("bcg.csv").Select(r => r["alloc"]).ToArray();
        var analysis = SubgroupAnalysis.Fit(Bcg, allocation, new MetaAnalysisOptions { Estimator = MetaAnalysisCodes.EstimatorFromCode(estimator)!.Value });
        string set = "bcg.RR.alloc." + estimator;

        Assert.Equal(["random", "alternate", "systematic"], analysis.Subgroups.Select(s => s.Label));
        foreach (var subgroup in analysis.Subgroups)
        {
            Close(MetaReference.Value(set, "estimate." + subgroup.Label), subgroup.Analysis.Estimate, tolerance, subgroup.Label);
            Close(MetaReference.Value(set, "tau2." + subgroup.Label), subgroup.Analysis.Heterogeneity.TauSquared, tolerance, subgroup.Label);
        }
        Close(MetaReference.Value(set, "Qbetween"), analysis.BetweenQ, tolerance * 10, "Qbetween");
        Close(MetaReference.Value(set, "QbetweenP"), analysis.BetweenPValue, tolerance, "QbetweenP");
        Assert.Equal(2, analysis.BetweenDegreesOfFreedom);
    }

    [Theory]
    [InlineData("bcg.RR")]
    [InlineData("normand.SMD")]
    [InlineData("molloy.ZCOR")]
    public void PublicationBias_MatchesMetaforRegtestRanktestAndTrimfill(string set)
    {
        var model = Analytics.MetaAnalysis.Fit(MetaReference.EffectSizes(set));
        string name = set + ".REML";

        var egger = model.EggerTest();
        var rank = model.RankCorrelationTest();
        var trim = model.TrimAndFill();

        Close(MetaReference.Value(name, "eggerZ"), egger.Statistic, 1e-3, "Egger z");
        Close(MetaReference.Value(name, "eggerP"), egger.PValue, 1e-4, "Egger P");
        Close(MetaReference.Value(name, "rankTau"), rank.KendallTau, 1e-9, "Kendall tau");
        Close(MetaReference.Value(name, "rankP"), rank.PValue, 1e-9, "rank P");
        Assert.Equal((int)MetaReference.Value(name, "trimfillK0"), trim.MissingStudies);
        Close(MetaReference.Value(name, "trimfillEstimate"), trim.Adjusted.Estimate, 1e-4, "trim-and-fill estimate");
        var cooks = MetaReference.Vector(name, "cooksDistance");
        var influence = model.Influence();
        for (int i = 0; i < cooks.Length; i++) Close(cooks[i], influence[i].CooksDistance, 1e-3 * Math.Max(1, cooks[i]), $"Cook's D {i + 1}");
    }

    [Fact]
    public void Diagnostics_Bcg_MatchTheDocumentedValues()
    {
        var model = Analytics.MetaAnalysis.Fit(Bcg);

        Assert.Equal(-0.8033, model.EggerTest().Statistic, 1e-4);
        Assert.Equal(0.4218, model.EggerTest().PValue, 1e-4);
        Assert.Equal(0.0256, model.RankCorrelationTest().KendallTau, 1e-4);
        Assert.Equal(0.9524, model.RankCorrelationTest().PValue, 1e-4);
        var trim = model.TrimAndFill();
        Assert.Equal(1, trim.MissingStudies);
        Assert.Equal(FunnelSide.Right, trim.Side);
        Assert.Equal(-0.657083, trim.Adjusted.Estimate, 1e-4);
        Assert.Equal(MetaReference.Value("bcg.RR.REML", "trimfillYi[1]"), trim.Filled[0].Estimate, 1e-4);
        Assert.Equal(MetaReference.Value("bcg.RR.REML", "trimfillVi[1]"), trim.Filled[0].Variance, 1e-12);
        var leaveOneOut = model.LeaveOneOut();
        Assert.Equal([-0.7071, -0.6540, -0.6856], leaveOneOut.Take(3).Select(m => Math.Round(m.Estimate, 4)));
        var influence = model.Influence();
        Assert.Equal([0.0017, 0.1132, 0.0260], influence.Take(3).Select(s => Math.Round(s.CooksDistance, 4)));
    }

    [Fact]
    public void LeaveOneOutAndWeights_Bcg_MatchMetafor()
    {
        var model = Analytics.MetaAnalysis.Fit(Bcg);
        var estimates = MetaReference.Vector("bcg.RR.REML", "leave1outEstimate");
        var tau2 = MetaReference.Vector("bcg.RR.REML", "leave1outTau2");
        var i2 = MetaReference.Vector("bcg.RR.REML", "leave1outI2");
        var weights = MetaReference.Vector("bcg.RR.REML", "weight");
        var hat = MetaReference.Vector("bcg.RR.REML", "hat");

        var leaveOneOut = model.LeaveOneOut();
        var influence = model.Influence();
        for (int i = 0; i < estimates.Length; i++)
        {
            Close(estimates[i], leaveOneOut[i].Estimate, 1e-4, $"estimate without {i + 1}");
            Close(tau2[i], leaveOneOut[i].Heterogeneity.TauSquared, 1e-4, $"tau2 without {i + 1}");
            Close(i2[i], leaveOneOut[i].Heterogeneity.ISquared, 1e-2, $"I2 without {i + 1}");
            Close(weights[i], model.Weights[i], 1e-4, $"weight {i + 1}");
            Close(hat[i], influence[i].Hat, 1e-6, $"hat {i + 1}");
        }
        Assert.Equal(100, model.Weights.Sum(), 1e-9);
    }
}

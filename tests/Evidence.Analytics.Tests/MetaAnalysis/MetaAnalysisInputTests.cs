using FsCheck;
using FsCheck.Fluent;

namespace Evidence.Analytics.Tests.MetaAnalysis;

/// <summary>Bad input and non-convergence give clear errors; properties hold for any studies.</summary>
public sealed class MetaAnalysisInputTests
{
    private static EffectSize[] Bcg => MetaReference.EffectSizes("bcg.RR");

    [Fact]
    public void Fit_OneStudy_SaysTwoAreNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => Analytics.MetaAnalysis.Fit([Bcg[0]]));

        Assert.Contains("at least 2 studies; there is 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_MixedMeasures_NamesTheStudy()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Analytics.MetaAnalysis.Fit([Bcg[0], EffectSize.FromVariance(EffectMeasure.MeanDifference, 1, 0.2)]));

        Assert.Contains("Study 2 is on MD but study 1 is on RR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_DefaultEffectSizeWithoutVariance_NamesTheStudy()
    {
        var error = Assert.Throws<ArgumentException>(() => Analytics.MetaAnalysis.Fit([Bcg[0], Bcg[1], default]));

        Assert.Contains("Study 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_RemlThatDoesNotConverge_ThrowsInsteadOfReturningANumber()
    {
        var error = Assert.Throws<MetaAnalysisException>(() => Analytics.MetaAnalysis.Fit(Bcg, new MetaAnalysisOptions { MaxIterations = 2 }));

        Assert.Contains("REML: Fisher scoring did not converge in 2 iterations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_RemlThatDoesNotConvergeWithAFallback_ReportsTheFallback()
    {
        var model = Analytics.MetaAnalysis.Fit(Bcg, new MetaAnalysisOptions { MaxIterations = 2, Fallback = TauSquaredEstimator.DerSimonianLaird });

        Assert.False(model.Converged);
        Assert.Equal(TauSquaredEstimator.DerSimonianLaird, model.Estimator);
        Assert.Equal(0.308760, model.Heterogeneity.TauSquared, 1e-6);
    }

    [Fact]
    public void MetaRegression_ModeratorOfTheWrongLength_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => MetaRegression.Fit(Bcg, [new Moderator("year", [1948, 1949])]));

        Assert.Contains("The moderator year has 2 values for 13 studies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaRegression_CollinearModerators_AreRefused()
    {
        var x = Enumerable.Range(0, 13).Select(i => (double)i).ToArray();
        var error = Assert.Throws<MetaAnalysisException>(() => MetaRegression.Fit(Bcg, [new Moderator("a", x), new Moderator("b", x.Select(v => 2 * v).ToArray())]));

        Assert.Contains("collinear", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subgroups_SingleStudySubgroup_IsRefusedByName()
    {
        var groups = Enumerable.Repeat("a", 12).Append("b").ToArray();
        var error = Assert.Throws<ArgumentException>(() => SubgroupAnalysis.Fit(Bcg, groups));

        Assert.Contains("The subgroup b has 1 study", error.Message, StringComparison.Ordinal);
    }

    private static Gen<EffectSize[]> Studies =>
        from k in Gen.Choose(2, 30)
        from estimates in Gen.ArrayOf(Gen.Choose(-3000, 3000), k)
        from variances in Gen.ArrayOf(Gen.Choose(1, 2000), k)
        select estimates.Zip(variances, (y, v) => EffectSize.FromVariance(EffectMeasure.Generic, y / 1000.0, v / 1000.0)).ToArray();

    [Fact]
    public void Reml_AnyStudies_TauSquaredIsNonNegativeAndISquaredIsAPercentage()
    {
        Prop.ForAll(Studies.ToArbitrary(), studies =>
        {
            var model = Analytics.MetaAnalysis.Fit(studies, new MetaAnalysisOptions { Fallback = TauSquaredEstimator.DerSimonianLaird });
            return model.Heterogeneity.TauSquared >= 0 && model.Heterogeneity.ISquared is >= 0 and <= 100
                && model.Heterogeneity.TauSquaredLower <= model.Heterogeneity.TauSquaredUpper;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EqualEffects_AnyStudies_EstimateLiesWithinTheStudyEstimates()
    {
        Prop.ForAll(Studies.ToArbitrary(), studies =>
        {
            var model = Analytics.MetaAnalysis.Fit(studies, new MetaAnalysisOptions { Estimator = TauSquaredEstimator.EqualEffects });
            return model.Estimate >= studies.Min(s => s.Estimate) - 1e-12 && model.Estimate <= studies.Max(s => s.Estimate) + 1e-12
                && model.Heterogeneity.ISquared is >= 0 and <= 100;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AllEstimators_AnyStudies_GiveFiniteNonNegativeTauSquared()
    {
        Prop.ForAll(Studies.ToArbitrary(), Gen.Elements(Enum.GetValues<TauSquaredEstimator>()).ToArbitrary(), (studies, estimator) =>
        {
            var model = Analytics.MetaAnalysis.Fit(studies, new MetaAnalysisOptions { Estimator = estimator, Fallback = TauSquaredEstimator.DerSimonianLaird });
            return model.Heterogeneity.TauSquared >= 0 && double.IsFinite(model.Estimate) && model.Lower <= model.Upper;
        }).QuickCheckThrowOnFailure();
    }
}

namespace Evidence.Analytics.Tests.MetaAnalysis;

/// <summary>Pooled estimates against metafor's <c>rma</c>, <c>confint</c> and <c>predict</c> (reference/reference.csv,
/// every estimator with the z and Knapp–Hartung tests on five data sets) and against the dat.bcg values documented in
/// meta-analysis.md.</summary>
public sealed class MetaAnalysisTests
{
    private static readonly string[] Sets = ["bcg.RR", "bcg.OR", "normand.SMD", "molloy.ZCOR", "pritz.PLO"];
    private static readonly string[] Estimators = ["EE", "DL", "HE", "HS", "SJ", "ML", "REML", "EB", "PM"];

    public static TheoryData<string, string, string> Models()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var set in Sets)
            foreach (var estimator in Estimators)
                foreach (var test in new[] { "z", "knha" }) data.Add(set, estimator, test);
        return data;
    }

    internal static Analytics.MetaAnalysis Fit(string set, string estimator, string test = "z") =>
        Analytics.MetaAnalysis.Fit(MetaReference.EffectSizes(set), new MetaAnalysisOptions
        {
            Estimator = MetaAnalysisCodes.EstimatorFromCode(estimator)!.Value,
            Test = MetaAnalysisCodes.TestFromCode(test)!.Value,
        });

    [Theory]
    [MemberData(nameof(Models))]
    public void Fit_MatchesMetafor(string set, string estimator, string test)
    {
        var model = Fit(set, estimator, test);
        string name = $"{set}.{estimator}.{test}";
        // metafor iterates ML, REML and EB to |Δτ²| < 1e-5 and solves PM and the Q-profile with uniroot; closed forms are exact.
        double tolerance = estimator is "ML" or "REML" or "EB" or "PM" ? 1e-4 : 1e-6;
        void Check(string quantity, double actual, double tol) =>
            Assert.True(Math.Abs(MetaReference.Value(name, quantity) - actual) <= tol,
                $"{name} {quantity}: metafor {MetaReference.Value(name, quantity):R}, here {actual:R}");

        Assert.Equal((int)MetaReference.Value(name, "k"), model.StudyCount);
        Check("estimate", model.Estimate, tolerance);
        Check("se", model.StandardError, tolerance);
        Check("ciLower", model.Lower, tolerance);
        Check("ciUpper", model.Upper, tolerance);
        Check("statistic", model.Statistic, tolerance * 10);
        Check("pValue", model.PValue, tolerance);
        Check("tau2", model.Heterogeneity.TauSquared, tolerance);
        Check("I2", model.Heterogeneity.ISquared, tolerance * 100);
        Check("H2", model.Heterogeneity.HSquared, tolerance * 10);
        Check("Q", model.Heterogeneity.Q, 1e-6);
        Check("Qp", model.Heterogeneity.QPValue, 1e-9);
        if (estimator == "EE") return;
        Check("seTau2", model.Heterogeneity.TauSquaredStandardError, tolerance);
        Check("piLower", model.PredictionLower!.Value, tolerance);
        Check("piUpper", model.PredictionUpper!.Value, tolerance);
        // Q-profile limits: the reference solved with uniroot at tolerance 1e-12, so they are exact here too.
        Check("tau2CiLower", model.Heterogeneity.TauSquaredLower!.Value, 1e-8);
        Check("tau2CiUpper", model.Heterogeneity.TauSquaredUpper!.Value, 1e-8);
        Check("I2CiLower", model.Heterogeneity.ISquaredLower!.Value, 1e-6);
        Check("I2CiUpper", model.Heterogeneity.ISquaredUpper!.Value, 1e-6);
        Check("H2CiLower", model.Heterogeneity.HSquaredLower!.Value, 1e-6);
        Check("H2CiUpper", model.Heterogeneity.HSquaredUpper!.Value, 1e-6);
        var riley = model.HigginsPredictionInterval()!.Value;
        Check("rileyPiLower", riley.Lower, tolerance);
        Check("rileyPiUpper", riley.Upper, tolerance);
        if (estimator is "ML" or "REML") Check("logLik", model.LogLikelihood, 1e-4);
    }

    [Fact]
    public void Reml_Bcg_MatchesTheDocumentedValues()
    {
        var model = Fit("bcg.RR", "REML");

        Assert.Equal(-0.714532, model.Estimate, 1e-4);
        Assert.Equal(0.179782, model.StandardError, 1e-4);
        Assert.Equal(-1.066898, model.Lower, 1e-4);
        Assert.Equal(-0.362167, model.Upper, 1e-4);
        Assert.Equal(0.313243, model.Heterogeneity.TauSquared, 1e-4);
        Assert.Equal(0.166426, model.Heterogeneity.TauSquaredStandardError, 1e-4);
        Assert.Equal(92.2214, model.Heterogeneity.ISquared, 1e-2);
        Assert.Equal(12.8558, model.Heterogeneity.HSquared, 1e-3);
        Assert.Equal(152.2330, model.Heterogeneity.Q, 1e-4);
        Assert.Equal(12, model.Heterogeneity.QDegreesOfFreedom);
        Assert.Equal(0.1197, model.Heterogeneity.TauSquaredLower!.Value, 1e-4);
        Assert.Equal(1.1115, model.Heterogeneity.TauSquaredUpper!.Value, 1e-4);
        // Documented from confint's default uniroot tolerance (1.2e-4 in τ²), which moves the I² limits by up to 0.003.
        Assert.Equal(81.9177, model.Heterogeneity.ISquaredLower!.Value, 5e-3);
        Assert.Equal(97.6781, model.Heterogeneity.ISquaredUpper!.Value, 5e-3);
        Assert.Equal(-1.8667, model.PredictionLower!.Value, 1e-4);
        Assert.Equal(0.4376, model.PredictionUpper!.Value, 1e-4);
        Assert.Equal(-12.2024, model.LogLikelihood, 1e-4);
        // predict(transf = exp): 0.4894 [0.3441, 0.6962], PI [0.1546, 1.5490]; Higgins/Riley t(k−2): [−2.0084, 0.5793].
        Assert.Equal(0.4894, Math.Exp(model.Estimate), 1e-4);
        Assert.Equal(0.1546, Math.Exp(model.PredictionLower!.Value), 1e-4);
        Assert.Equal(1.5490, Math.Exp(model.PredictionUpper!.Value), 1e-4);
        Assert.Equal(-2.0084, model.HigginsPredictionInterval()!.Value.Lower, 1e-4);
        Assert.Equal(0.5793, model.HigginsPredictionInterval()!.Value.Upper, 1e-4);
    }

    [Theory]
    [InlineData("EE", -0.430285, 0.040499, 0, 92.1173, 12.6861)]
    [InlineData("DL", -0.714117, 0.178742, 0.308760, 92.1173, 12.6861)]
    [InlineData("HE", -0.715879, 0.183280, 0.328564, 92.5571, 13.4356)]
    [InlineData("HS", -0.704535, 0.158652, 0.228363, 89.6300, 9.6432)]
    [InlineData("SJ", -0.717249, 0.187059, 0.345516, 92.8963, 14.0772)]
    [InlineData("ML", -0.711199, 0.171897, 0.280028, 91.3783, 11.5986)]
    [InlineData("EB", -0.714968, 0.180892, 0.318069, 92.3303, 13.0384)]
    [InlineData("PM", -0.714970, 0.180898, 0.318094, 92.3309, 13.0393)]
    public void Estimators_Bcg_MatchTheDocumentedTable(string estimator, double b, double se, double tau2, double i2, double h2)
    {
        var model = Fit("bcg.RR", estimator);

        Assert.Equal(b, model.Estimate, 1e-4);
        Assert.Equal(se, model.StandardError, 1e-4);
        Assert.Equal(tau2, model.Heterogeneity.TauSquared, 1e-4);
        Assert.Equal(i2, model.Heterogeneity.ISquared, 1e-2);
        Assert.Equal(h2, model.Heterogeneity.HSquared, 1e-3);
    }

    [Fact]
    public void KnappHartung_Bcg_MatchesTheDocumentedValues()
    {
        var reml = Fit("bcg.RR", "REML", "knha");
        var dl = Fit("bcg.RR", "DL", "knha");

        Assert.Equal(0.180792, reml.StandardError, 1e-4);
        Assert.Equal(-3.9522, reml.Statistic, 1e-3);
        Assert.Equal(12, reml.DegreesOfFreedom);
        Assert.Equal(0.00192, reml.PValue, 1e-5);
        Assert.Equal(-1.108444, reml.Lower, 1e-4);
        Assert.Equal(-0.320621, reml.Upper, 1e-4);
        Assert.Equal(0.180697, dl.StandardError, 1e-6);
        Assert.Equal(-1.107821, dl.Lower, 1e-6);
        Assert.Equal(-0.320413, dl.Upper, 1e-6);
    }
}

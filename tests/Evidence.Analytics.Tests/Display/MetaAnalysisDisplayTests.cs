using Evidence.Analytics.Notebooks;
using Evidence.Analytics.Tests.MetaAnalysis;

namespace Evidence.Analytics.Tests.Display;

/// <summary>The meta-analysis results as a notebook shows them, checked against dat.bcg's documented REML values
/// (meta-analysis.md) and against examples small enough to pool by hand.</summary>
public sealed class MetaAnalysisDisplayTests
{
    private static EffectSize[] Bcg => MetaReference.EffectSizes("bcg.RR");

    private static Dictionary<string, string> Format(object value) => MimeFormatter.Format(value).ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void MetaAnalysis_BcgReml_ShowsTheRiskRatioWithItsIntervalsAndHeterogeneity()
    {
        // REML: μ̂ = −0.7145 (SE 0.1798), CI −1.0669 to −0.3622, so RR exp(−0.7145) = 0.49 (0.34 to 0.70), z = −3.97;
        // PI −1.8667 to 0.4376, so 0.15 to 1.55; τ² 0.3132 (0.1197 to 1.1115), I² 92.2% (81.9% to 97.7%), H² 12.86, Q(12) = 152.23.
        var formatted = Format(Analytics.MetaAnalysis.Fit(Bcg));
        string html = formatted["text/html"], text = formatted["text/plain"];

        Assert.StartsWith("Random-effects meta-analysis of 13 studies (risk ratio, REML)\n", text, StringComparison.Ordinal);
        Assert.Contains("\nRisk ratio 0.49 (95% CI 0.34 to 0.70), z = -3.97, P < 0.0001.\n", text, StringComparison.Ordinal);
        Assert.Contains("<td>95% prediction interval</td><td>0.15 to 1.55</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Analysis scale (RR)</td><td>-0.7145, SE 0.1798</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>τ&#178;</td><td>0.3132 (95% CI 0.1197 to 1.1115)</td>", html, StringComparison.Ordinal);
        Assert.Contains("\n  I²  92.2% (95% CI 81.9% to 97.7%)\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  H²  12.86\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  Q   Q(12) = 152.23, P < 0.0001\n", text, StringComparison.Ordinal);
        Assert.Contains("Risk ratio 0.49 (95% CI 0.34 to 0.70)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaAnalysis_BcgReml_StudyTableGivesEachStudysRiskRatioAndWeight()
    {
        // Aronson 1948: 4/123 vaccinated vs 11/139 controls: RR 0.411, yi = ln 0.411 = −0.8893, vi = 1/4 − 1/123 + 1/11 − 1/139
        // = 0.3256; CI exp(−0.8893 ± 1.96·0.5706) = 0.13 to 1.26.
        var model = Analytics.MetaAnalysis.Fit(Bcg);
        string html = Format(model)["text/html"];

        Assert.Contains("<tr><td class=\"ea-num\">1</td><td class=\"ea-num\">-0.8893</td><td class=\"ea-num\">0.3256</td><td class=\"ea-num\">0.41</td><td class=\"ea-num\">0.13 to 1.26</td><td class=\"ea-num\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"ea-num\">13</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaAnalysis_EqualEffects_HasNoPredictionInterval()
    {
        // Two studies of 0.1 and 0.3, each with variance 0.01: EE estimate 0.2, SE √0.005 = 0.0707, CI 0.06 to 0.34, z = 2.83.
        var model = Analytics.MetaAnalysis.Fit([EffectSize.FromVariance(EffectMeasure.Generic, 0.1, 0.01), EffectSize.FromVariance(EffectMeasure.Generic, 0.3, 0.01)],
            new MetaAnalysisOptions { Estimator = TauSquaredEstimator.EqualEffects });
        string text = Format(model)["text/plain"];

        Assert.StartsWith("Equal-effects meta-analysis of 2 studies (effect, EE)\nEffect 0.20 (95% CI 0.06 to 0.34), z = 2.83, P = 0.0047.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("prediction interval", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Analysis scale", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaRegression_BcgOnLatitude_ShowsCoefficientsModeratorTestAndRSquared()
    {
        // Documented: slope −0.0291 (SE 0.0072), so z = −4.04; QM = 16.36 on 1 df; R² = 75.6%; QE(11) = 30.73.
        var latitude = MetaReference.ReadTable("bcg.csv").Select(r => MetaReference.Number(r["ablat"])).ToArray();
        var formatted = Format(MetaRegression.Fit(Bcg, [new Moderator("absolute latitude", latitude)]));

        Assert.Contains("<td>absolute latitude</td><td class=\"ea-num\">-0.0291</td><td class=\"ea-num\">0.0072</td><td class=\"ea-num\">-4.04</td><td class=\"ea-num\">&lt; 0.0001</td>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("<td>intercept</td><td class=\"ea-num\">0.2515</td>", formatted["text/html"], StringComparison.Ordinal);
        Assert.StartsWith("Meta-regression of 13 studies on 1 moderator (REML)\nTest of moderators: 16.36 on 1 df, P < 0.0001; R² = 75.6% of τ² accounted for.", formatted["text/plain"], StringComparison.Ordinal);
        Assert.Contains("Q(11) = 30.73", formatted["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public void SubgroupAnalysis_TwoPairs_ShowsEachSubgroupAndTheTestForDifferences()
    {
        // Equal effects, every variance 0.01. A: 0.1 and 0.3 → 0.2 (SE 0.0707, CI 0.06 to 0.34), Q = 2 on 1 df so I² = 50%.
        // B: 0.5 and 0.7 → 0.6 (0.46 to 0.74). Between: weights 1/0.005 = 200, mean 0.4, Q = 200·0.04·2 = 16 on 1 df.
        EffectSize[] studies = [.. new[] { 0.1, 0.3, 0.5, 0.7 }.Select(y => EffectSize.FromVariance(EffectMeasure.Generic, y, 0.01))];
        var formatted = Format(SubgroupAnalysis.Fit(studies, ["A", "A", "B", "B"], new MetaAnalysisOptions { Estimator = TauSquaredEstimator.EqualEffects }));

        Assert.Contains("<td>A</td><td class=\"ea-num\">2</td><td class=\"ea-num\">0.20</td><td class=\"ea-num\">0.06 to 0.34</td><td class=\"ea-num\">0</td><td class=\"ea-num\">50.0%</td>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("<td>B</td><td class=\"ea-num\">2</td><td class=\"ea-num\">0.60</td><td class=\"ea-num\">0.46 to 0.74</td>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("Test for subgroup differences: Q(1) = 16.00, P < 0.0001.", formatted["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_BcgReml_ShowTheirDocumentedValues()
    {
        // Documented: Egger z = −0.8033, P = 0.4218; Kendall's τ = 0.0256, P = 0.9524; trim-and-fill adds 1 study on the
        // right, adjusted μ̂ = −0.6571 so RR exp(−0.6571) = 0.52; without Aronson μ̂ = −0.7071 and Cook's distance 0.0017.
        var model = Analytics.MetaAnalysis.Fit(Bcg);

        Assert.StartsWith("Egger's test: z = -0.80, P = 0.42; limit estimate ", Format(model.EggerTest())["text/plain"], StringComparison.Ordinal);
        Assert.Equal("Rank correlation test: Kendall's τ = 0.026, P = 0.95", Format(model.RankCorrelationTest())["text/plain"]);
        var trim = Format(model.TrimAndFill());
        Assert.StartsWith("Trim-and-fill: 1 study estimated missing on the right side\nAdjusted with 1 imputed: Risk ratio 0.52 (95% CI ", trim["text/plain"], StringComparison.Ordinal);
        Assert.Contains(", k = 14.", trim["text/plain"], StringComparison.Ordinal);
        Assert.Contains("<caption>Imputed studies</caption>", trim["text/html"], StringComparison.Ordinal);
        Assert.Contains("Cook's distance 0.0017; without it: REML: -0.7071 (95% CI", Format(model.Influence()[0])["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public void EffectSizeAndHeterogeneity_AreTheirOneLineText()
    {
        // Aronson 1948 as above; BCG REML heterogeneity as documented.
        var model = Analytics.MetaAnalysis.Fit(Bcg);

        var effect = Format(Bcg[0]);
        Assert.Equal("RR yi = -0.8893, vi = 0.3256", effect["text/plain"]);
        Assert.StartsWith("<div class=\"ea-display\">", effect["text/html"], StringComparison.Ordinal);
        Assert.Equal("τ² = 0.3132, I² = 92.2%, Q(12) = 152.23, P < 0.001", Format(model.Heterogeneity)["text/plain"]);
        Assert.Equal("ablat: -0.0291 (SE 0.0072, CI -0.0432 to -0.015), statistic -4.04, P < 0.0001",
            new RegressionCoefficient("ablat", -0.029102, 0.007196, -4.044, 5.2e-5, -0.029102 - 1.959964 * 0.007196, -0.029102 + 1.959964 * 0.007196).ToString());
    }
}

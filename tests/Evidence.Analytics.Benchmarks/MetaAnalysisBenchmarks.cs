using BenchmarkDotNet.Attributes;

namespace Evidence.Analytics.Benchmarks;

/// <summary>REML random-effects meta-analysis of k synthetic studies, side by side with metafor's <c>rma()</c> timed by
/// <c>metafor-reml-timing.R</c> on the same studies (same formula, no random numbers).</summary>
/// <remarks><see cref="Reml"/> is the fit alone (τ², estimate, SE, I², H², Q, prediction interval);
/// <see cref="RemlWithQProfile"/> adds the Q-profile intervals of τ², I² and H² that <c>evidence meta</c> prints.
/// Every quantity metafor takes from its k × k matrix P is computed here from p × p matrices, so a fit is O(k).</remarks>
[MemoryDiagnoser]
public class MetaAnalysisBenchmarks
{
    private EffectSize[] _studies = null!;

    [Params(1_000, 10_000)]
    public int Studies { get; set; }

    [GlobalSetup]
    public void Setup() => _studies = Generate(Studies);

    /// <summary>The studies of metafor-reml-timing.R: vᵢ = 0.01 + 0.49·frac(i·φ⁻¹), yᵢ = 0.3 + sin(1.7i)·√(2(0.1 + vᵢ)).</summary>
    public static EffectSize[] Generate(int k) => Enumerable.Range(1, k).Select(i =>
    {
        double v = 0.01 + 0.49 * (i * 0.6180339887498949 % 1);
        return EffectSize.FromVariance(EffectMeasure.Generic, 0.3 + Math.Sin(i * 1.7) * Math.Sqrt(2 * (0.1 + v)), v);
    }).ToArray();

    [Benchmark(Baseline = true)]
    public double Reml() => MetaAnalysis.Fit(_studies).Heterogeneity.TauSquared;

    [Benchmark]
    public double? RemlWithQProfile() => MetaAnalysis.Fit(_studies).Heterogeneity.TauSquaredUpper;
}

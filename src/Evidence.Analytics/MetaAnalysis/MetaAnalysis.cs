using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>A pooled estimate of k studies' effect sizes under the equal-effects or random-effects model, as metafor's
/// <c>rma(yi, vi, method, test)</c> computes it.</summary>
/// <remarks>
/// <para>Weights wᵢ = 1/(vᵢ + τ̂²); estimate μ̂ = Σwᵢyᵢ/Σwᵢ with SE 1/√Σwᵢ. The Knapp–Hartung test multiplies the SE by
/// √(Σwᵢ(yᵢ − μ̂)²/(k − 1)) and uses t with k − 1 degrees of freedom. The prediction interval is μ̂ ± c·√(τ̂² + SE²) with
/// c the z (or, under Knapp–Hartung, t) quantile, as metafor's <c>predict</c>; the Higgins–Thompson–Spiegelhalter
/// interval uses t with k − 2 degrees of freedom instead (Riley et al. 2011).</para>
/// <para>Estimators are those of <see cref="TauSquaredEstimator"/>, each computed as metafor computes it (ML, REML and EB by
/// Fisher scoring with step halving from Hedges' estimate; PM by root finding). An estimator that does not converge
/// throws <see cref="MetaAnalysisException"/> unless a <see cref="MetaAnalysisOptions.Fallback"/> is given; then the
/// fallback's result is returned with <see cref="Converged"/> false.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed partial class MetaAnalysis
{
    private readonly ModelFit fit;

    private MetaAnalysis(IReadOnlyList<EffectSize> studies, ModelFit fit)
    {
        Studies = studies;
        this.fit = fit;
        Heterogeneity = new Heterogeneity(fit);
        if (fit.Estimator != TauSquaredEstimator.EqualEffects)
        {
            double half = fit.Critical * Math.Sqrt(fit.TauSquared + StandardError * StandardError);
            PredictionLower = Estimate - half;
            PredictionUpper = Estimate + half;
        }
        double total = fit.Fit.SumD;
        Weights = fit.Fit.D.Select(w => 100 * w / total).ToArray();
    }

    /// <summary>The studies' effect sizes, in the order given.</summary>
    public IReadOnlyList<EffectSize> Studies { get; }

    /// <summary>The number of studies, k.</summary>
    public int StudyCount => Studies.Count;

    /// <summary>The effect measure of every study.</summary>
    public EffectMeasure Measure => Studies[0].Measure;

    /// <summary>The options the model was fitted with.</summary>
    public MetaAnalysisOptions Options => fit.Options;

    /// <summary>The estimator that produced τ²: the one asked for, or its fallback when that did not converge.</summary>
    public TauSquaredEstimator Estimator => fit.Estimator;

    /// <summary>Whether the estimator asked for converged (false only when its fallback was used).</summary>
    public bool Converged => fit.Converged;

    /// <summary>The Fisher-scoring iterations taken (0 for closed-form estimators).</summary>
    public int Iterations => fit.Iterations;

    /// <summary>The pooled estimate μ̂ on the analysis scale.</summary>
    public double Estimate => fit.Fit.Coefficients[0];

    /// <summary>The standard error of the pooled estimate (Knapp–Hartung-adjusted under that test).</summary>
    public double StandardError => fit.StandardError(0);

    /// <summary>The lower confidence limit of the pooled estimate.</summary>
    public double Lower => Estimate - fit.Critical * StandardError;

    /// <summary>The upper confidence limit of the pooled estimate.</summary>
    public double Upper => Estimate + fit.Critical * StandardError;

    /// <summary>The test statistic, z or t.</summary>
    public double Statistic => fit.Statistic(0);

    /// <summary>The two-sided P value of the test that the pooled effect is 0.</summary>
    public double PValue => fit.PValue(0);

    /// <summary>The t test's degrees of freedom (k − 1) under Knapp–Hartung; null for the z test.</summary>
    public int? DegreesOfFreedom => Options.Test == MetaAnalysisTest.KnappHartung ? fit.Df : null;

    /// <summary>τ², I², H², Q and their intervals.</summary>
    public Heterogeneity Heterogeneity { get; }

    /// <summary>The lower limit of the prediction interval as metafor's <c>predict</c> gives it; null for equal effects.</summary>
    public double? PredictionLower { get; }

    /// <summary>The upper limit of the prediction interval; null for equal effects.</summary>
    public double? PredictionUpper { get; }

    /// <summary>Each study's weight in percent of the total, in study order.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The log-likelihood at τ̂²: the maximum-likelihood one for ML, the restricted one otherwise.</summary>
    public double LogLikelihood => TauSquaredEstimation.LogLikelihood(fit.Data, fit.TauSquared, fit.Estimator);

    /// <summary>The Higgins–Thompson–Spiegelhalter prediction interval μ̂ ± t(k − 2)·√(τ̂² + SE²) (Riley et al. 2011);
    /// null for equal effects or fewer than 3 studies.</summary>
    public (double Lower, double Upper)? HigginsPredictionInterval()
    {
        if (fit.Estimator == TauSquaredEstimator.EqualEffects || StudyCount < 3) return null;
        double half = StudentT.InvCDF(0, 1, StudyCount - 2, 1 - (1 - Options.Level) / 2) * Math.Sqrt(fit.TauSquared + StandardError * StandardError);
        return (Estimate - half, Estimate + half);
    }

    /// <summary>Pools <paramref name="studies"/> with <paramref name="options"/> (REML and the z test unless stated).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 studies, studies on different measures, or a study without a
    /// positive sampling variance.</exception>
    /// <exception cref="MetaAnalysisException">The estimator did not converge and no fallback was given.</exception>
    public static MetaAnalysis Fit(IEnumerable<EffectSize> studies, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var list = studies.ToArray();
        options = CheckOptions(options);
        var data = CheckStudies(list);
        return new MetaAnalysis(list, new ModelFit(data, options));
    }

    internal static MetaAnalysisOptions CheckOptions(MetaAnalysisOptions? options)
    {
        options ??= MetaAnalysisOptions.Default;
        EffectSize.CheckLevel(options.Level);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        if (!(options.Threshold > 0))
            throw new ArgumentOutOfRangeException(nameof(options), options.Threshold, "The convergence threshold must be positive.");
        return options;
    }

    internal static ModelData CheckStudies(EffectSize[] studies, int minimum = 2)
    {
        if (studies.Length < minimum)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A meta-analysis needs at least {minimum} studies; there {(studies.Length == 1 ? "is 1" : $"are {studies.Length}")}."), nameof(studies));
        for (int i = 0; i < studies.Length; i++)
        {
            if (studies[i].Measure != studies[0].Measure)
                throw new ArgumentException($"Study {i + 1} is on {studies[i].Measure.Code()} but study 1 is on {studies[0].Measure.Code()}; pool one measure at a time.", nameof(studies));
            if (!(studies[i].Variance > 0) || !double.IsFinite(studies[i].Variance) || !double.IsFinite(studies[i].Estimate))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Study {i + 1} has estimate {studies[i].Estimate} and sampling variance {studies[i].Variance}; the variance must be positive and both finite."), nameof(studies));
        }
        return ModelData.InterceptOnly(studies.Select(s => s.Estimate).ToArray(), studies.Select(s => s.Variance).ToArray());
    }

    /// <summary>"REML: −0.7145 (95% CI −1.0669 to −0.3622), k = 13; τ² = …", in the invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Estimator.Code()}: {Estimate:0.####} ({Options.Level * 100:0.##}% CI {Lower:0.####} to {Upper:0.####}), k = {StudyCount}; {Heterogeneity}");
}

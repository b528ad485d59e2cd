using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Between-study heterogeneity of a meta-analysis: τ², I², H² and Cochran's Q, as metafor reports them.</summary>
/// <remarks>
/// <para>Q = Σ wᵢ(yᵢ − ŷᵢ)² with equal-effects weights wᵢ = 1/vᵢ, on k − p degrees of freedom. For random-effects models
/// I² = 100·τ²/(ṽ + τ²) and H² = τ²/ṽ + 1 with the typical within-study variance ṽ = (k − p)/tr P (Higgins &amp;
/// Thompson 2002, metafor's definition); for equal-effects models I² = max(0, 100·(Q − df)/Q) and H² = Q/df.</para>
/// <para>The intervals for τ², I² and H² are Q-profile intervals (Viechtbauer 2007): the τ² at which the generalised Q
/// reaches the χ² quantiles, 0 when it cannot.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed partial class Heterogeneity
{
    private readonly Lazy<(double Lower, double Upper)?> _interval;
    private readonly ModelFit _fit;

    internal Heterogeneity(ModelFit fit)
    {
        _fit = fit;
        TauSquared = fit.TauSquared;
        TauSquaredStandardError = fit.TauSquaredStandardError;
        ISquared = fit.ISquared;
        HSquared = fit.HSquared;
        Q = fit.Q;
        QDegreesOfFreedom = fit.Df;
        QPValue = fit.QPValue;
        // The Q-profile needs two root searches of the generalised Q: found when first asked for, not for every fit
        // (leave-one-out and trim-and-fill fit many models and read only their estimates).
        _interval = new(() => fit.Estimator == TauSquaredEstimator.EqualEffects ? null : fit.TauSquaredInterval());
    }

    /// <summary>The between-study variance τ² (0 for equal effects).</summary>
    public double TauSquared { get; }

    /// <summary>The between-study standard deviation τ.</summary>
    public double Tau => Math.Sqrt(TauSquared);

    /// <summary>The standard error of τ² as metafor gives it for the estimator; NaN for equal effects.</summary>
    public double TauSquaredStandardError { get; }

    /// <summary>The lower Q-profile confidence limit of τ²; null for equal effects.</summary>
    public double? TauSquaredLower => _interval.Value?.Lower;

    /// <summary>The upper Q-profile confidence limit of τ²; null for equal effects.</summary>
    public double? TauSquaredUpper => _interval.Value?.Upper;

    /// <summary>I², the percentage of the total variability due to heterogeneity (0–100).</summary>
    public double ISquared { get; }

    /// <summary>The lower confidence limit of I² (%); null for equal effects.</summary>
    public double? ISquaredLower => TauSquaredLower is { } t ? _fit.ISquaredAt(t) : null;

    /// <summary>The upper confidence limit of I² (%); null for equal effects.</summary>
    public double? ISquaredUpper => TauSquaredUpper is { } t ? _fit.ISquaredAt(t) : null;

    /// <summary>H², the total variability over the sampling variability.</summary>
    public double HSquared { get; }

    /// <summary>The lower confidence limit of H²; null for equal effects.</summary>
    public double? HSquaredLower => TauSquaredLower is { } t ? _fit.HSquaredAt(t) : null;

    /// <summary>The upper confidence limit of H²; null for equal effects.</summary>
    public double? HSquaredUpper => TauSquaredUpper is { } t ? _fit.HSquaredAt(t) : null;

    /// <summary>Cochran's Q test statistic for residual heterogeneity.</summary>
    public double Q { get; }

    /// <summary>Q's degrees of freedom, k − p.</summary>
    public int QDegreesOfFreedom { get; }

    /// <summary>The P value of Q against χ² with k − p degrees of freedom.</summary>
    public double QPValue { get; }

    /// <summary>"τ² = 0.3132, I² = 92.2%, Q(12) = 152.23, P &lt; 0.001", in the invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"τ² = {TauSquared:0.####}, I² = {ISquared:0.#}%, Q({QDegreesOfFreedom}) = {Q:0.##}, P {(QPValue < 0.001 ? "< 0.001" : "= " + QPValue.ToString("0.###", CultureInfo.InvariantCulture))}");
}

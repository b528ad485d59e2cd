using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>A study-level covariate of a meta-regression: one value per study, in study order.</summary>
/// <param name="Name">The moderator's name ("absolute latitude").</param>
/// <param name="Values">One value per study.</param>
public sealed record Moderator(string Name, IReadOnlyList<double> Values);

/// <summary>One coefficient of a meta-regression, with its test and confidence interval.</summary>
/// <param name="Name">"intercept" or the moderator's name.</param>
/// <param name="Estimate">The coefficient.</param>
/// <param name="StandardError">Its standard error (Knapp–Hartung-adjusted under that test).</param>
/// <param name="Statistic">The z or t statistic.</param>
/// <param name="PValue">The two-sided P value.</param>
/// <param name="Lower">The lower confidence limit.</param>
/// <param name="Upper">The upper confidence limit.</param>
public sealed partial record RegressionCoefficient(string Name, double Estimate, double StandardError, double Statistic, double PValue, double Lower, double Upper);

/// <summary>A mixed-effects meta-regression, yᵢ = β₀ + β₁xᵢ₁ + … + uᵢ + εᵢ, as metafor's <c>rma(yi, vi, mods = …)</c>
/// fits it.</summary>
/// <remarks>
/// <para>τ² is the residual between-study variance, estimated as in <see cref="MetaAnalysis"/>. The omnibus test of the
/// moderators is QM = b'V⁻¹b over the moderators' coefficients, against χ² with m degrees of freedom (z test), or QM/m
/// against F(m, k − p) under Knapp–Hartung. R² = max(0, 100·(τ²₀ − τ²)/τ²₀), with τ²₀ from the model without
/// moderators (Raudenbush 2009), as metafor.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed partial class MetaRegression
{
    private MetaRegression(ModelFit fit, IReadOnlyList<RegressionCoefficient> coefficients, double? rSquared)
    {
        Coefficients = coefficients;
        Heterogeneity = new Heterogeneity(fit);
        Estimator = fit.Estimator;
        StudyCount = fit.Data.K;
        int m = fit.Data.P - 1;
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(m, i => fit.Fit.Coefficients[i + 1]);
        var covariance = fit.Covariance.SubMatrix(1, m, 1, m);
        double qm = b * covariance.Inverse() * b;
        ModeratorDegreesOfFreedom = m;
        if (fit.Options.Test == MetaAnalysisTest.KnappHartung)
        {
            ModeratorTest = qm / m;
            ModeratorPValue = 1 - FisherSnedecor.CDF(m, fit.Df, ModeratorTest);
        }
        else
        {
            ModeratorTest = qm;
            ModeratorPValue = ModelFit.ChiSquaredUpper(qm, m);
        }
        RSquared = rSquared;
    }

    /// <summary>The number of studies, k.</summary>
    public int StudyCount { get; }

    /// <summary>The estimator that produced τ².</summary>
    public TauSquaredEstimator Estimator { get; }

    /// <summary>The intercept, then one coefficient per moderator.</summary>
    public IReadOnlyList<RegressionCoefficient> Coefficients { get; }

    /// <summary>Residual heterogeneity: τ², I², H² and the test of residual heterogeneity QE.</summary>
    public Heterogeneity Heterogeneity { get; }

    /// <summary>The omnibus test of the moderators: QM (χ², z test) or F (Knapp–Hartung).</summary>
    public double ModeratorTest { get; }

    /// <summary>The moderators' degrees of freedom, m.</summary>
    public int ModeratorDegreesOfFreedom { get; }

    /// <summary>The omnibus test's P value.</summary>
    public double ModeratorPValue { get; }

    /// <summary>The percentage of τ² accounted for by the moderators; null for equal effects or when τ²₀ = 0.</summary>
    public double? RSquared { get; }

    /// <summary>Fits the meta-regression of <paramref name="studies"/> on <paramref name="moderators"/>.</summary>
    /// <exception cref="ArgumentException">No moderator, a moderator with a value missing or not finite or of the wrong
    /// length, or the studies as for <see cref="MetaAnalysis.Fit"/>.</exception>
    /// <exception cref="MetaAnalysisException">Too few studies for the coefficients, collinear moderators, or the
    /// estimator did not converge.</exception>
    public static MetaRegression Fit(IEnumerable<EffectSize> studies, IReadOnlyList<Moderator> moderators, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(moderators);
        var list = studies.ToArray();
        options = MetaAnalysis.CheckOptions(options);
        var simple = MetaAnalysis.CheckStudies(list);
        if (moderators.Count == 0) throw new ArgumentException("A meta-regression needs at least one moderator.", nameof(moderators));
        var x = new double[list.Length, moderators.Count + 1];
        for (int i = 0; i < list.Length; i++) x[i, 0] = 1;
        for (int j = 0; j < moderators.Count; j++)
        {
            var moderator = moderators[j];
            if (moderator.Values.Count != list.Length)
                throw new ArgumentException($"The moderator {moderator.Name} has {moderator.Values.Count} values for {list.Length} studies.", nameof(moderators));
            for (int i = 0; i < list.Length; i++)
            {
                if (!double.IsFinite(moderator.Values[i]))
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The moderator {moderator.Name} is {moderator.Values[i]} for study {i + 1}; it must be a finite number."), nameof(moderators));
                x[i, j + 1] = moderator.Values[i];
            }
        }
        var fit = new ModelFit(new ModelData(simple.Y, simple.V, x), options);
        string[] names = ["intercept", .. moderators.Select(m => m.Name)];
        var coefficients = names.Select((name, j) =>
        {
            double b = fit.Fit.Coefficients[j], se = fit.StandardError(j);
            return new RegressionCoefficient(name, b, se, fit.Statistic(j), fit.PValue(j), b - fit.Critical * se, b + fit.Critical * se);
        }).ToArray();
        double? rSquared = null;
        if (fit.Estimator != TauSquaredEstimator.EqualEffects)
        {
            double tau0 = new ModelFit(simple, options with { Estimator = fit.Estimator, Fallback = null }).TauSquared;
            if (tau0 > 0) rSquared = Math.Max(0, 100 * (tau0 - fit.TauSquared) / tau0);
        }
        return new MetaRegression(fit, coefficients, rSquared);
    }
}

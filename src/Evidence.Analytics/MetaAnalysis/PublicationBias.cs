using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>Egger's regression test for funnel-plot asymmetry as metafor's <c>regtest</c> runs it by default: the
/// model's own estimator and test, with the standard error as a moderator; asymmetry is the moderator's coefficient.</summary>
/// <param name="Statistic">The z (or t, under Knapp–Hartung) statistic of the standard error's coefficient.</param>
/// <param name="PValue">Its two-sided P value.</param>
/// <param name="DegreesOfFreedom">The t test's degrees of freedom, k − 2, under Knapp–Hartung; otherwise null.</param>
/// <param name="LimitEstimate">The intercept: the estimate for a study of infinite precision.</param>
public sealed partial record EggerTest(double Statistic, double PValue, int? DegreesOfFreedom, double LimitEstimate);

/// <summary>Begg and Mazumdar's rank correlation test, as metafor's <c>ranktest</c>: Kendall's τ between the
/// standardised deviates (yᵢ − μ̂)/√(vᵢ − v̂) (μ̂ the equal-effects estimate, v̂ its variance) and the variances.</summary>
/// <param name="KendallTau">Kendall's τ (τ-b when there are ties).</param>
/// <param name="PValue">The two-sided P value: exact when there are no ties (as R's <c>cor.test</c>), the normal
/// approximation with the tie-corrected variance otherwise, and for more than 300 studies.</param>
public sealed partial record RankCorrelationTest(double KendallTau, double PValue);

/// <summary>The side of the funnel plot on which trim-and-fill finds studies missing.</summary>
public enum FunnelSide
{
    /// <summary>Studies missing below the pooled estimate.</summary>
    Left,

    /// <summary>Studies missing above the pooled estimate.</summary>
    Right,
}

/// <summary>Duval and Tweedie's trim-and-fill with the L0 estimator, as metafor's <c>trimfill</c>.</summary>
/// <param name="MissingStudies">The estimated number of missing studies, k0.</param>
/// <param name="Side">The side they are missing on, from the sign of Egger's slope as metafor decides it.</param>
/// <param name="Filled">The imputed studies: the k0 most extreme on the other side, mirrored about the trimmed estimate.</param>
/// <param name="Adjusted">The meta-analysis of the observed and the imputed studies (the original one when k0 = 0).</param>
public sealed partial record TrimAndFill(int MissingStudies, FunnelSide Side, IReadOnlyList<EffectSize> Filled, MetaAnalysis Adjusted);

/// <summary>How much one study moves the pooled estimate, as metafor's <c>influence</c>.</summary>
/// <param name="Weight">The study's weight, in percent.</param>
/// <param name="Hat">Its leverage, wᵢ/Σw.</param>
/// <param name="CooksDistance">(μ̂ − μ̂₍₋ᵢ₎)²/Var(μ̂), with μ̂₍₋ᵢ₎ the estimate without the study (τ² re-estimated).</param>
/// <param name="LeaveOneOut">The meta-analysis without the study.</param>
public sealed partial record StudyInfluence(double Weight, double Hat, double CooksDistance, MetaAnalysis LeaveOneOut);

/// <summary>Kendall's rank correlation test as R's <c>cor.test(method = "kendall", exact = TRUE)</c>.</summary>
internal static class KendallTest
{
    private const int ExactLimit = 300;

    public static (double Tau, double P) Run(double[] x, double[] y)
    {
        int n = x.Length;
        long concordant = 0, discordant = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double s = Math.Sign(x[i] - x[j]) * Math.Sign(y[i] - y[j]);
                if (s > 0) concordant++;
                else if (s < 0) discordant++;
            }
        double t0 = n * (n - 1) / 2.0;
        var xTies = TieSizes(x);
        var yTies = TieSizes(y);
        double t1 = xTies.Sum(t => t * (t - 1)) / 2.0, t2 = yTies.Sum(t => t * (t - 1)) / 2.0;
        double tau = (concordant - discordant) / Math.Sqrt((t0 - t1) * (t0 - t2));
        if (xTies.Count == 0 && yTies.Count == 0 && n <= ExactLimit)
        {
            long q = (long)Math.Round((tau + 1) * n * (n - 1) / 4);
            var cdf = ConcordantPairsCdf(n);
            double p = q > n * (n - 1) / 4.0 ? 1 - cdf[q - 1] : cdf[q];
            return (tau, Math.Min(1, 2 * p));
        }
        double s0 = tau * Math.Sqrt((t0 - t1) * (t0 - t2));
        double v0 = n * (n - 1.0) * (2 * n + 5);
        double vt = xTies.Sum(t => t * (t - 1.0) * (2 * t + 5)), vu = yTies.Sum(t => t * (t - 1.0) * (2 * t + 5));
        double v1 = xTies.Sum(t => t * (t - 1.0)) * yTies.Sum(t => t * (t - 1.0));
        double v2 = xTies.Sum(t => t * (t - 1.0) * (t - 2)) * yTies.Sum(t => t * (t - 1.0) * (t - 2));
        double variance = (v0 - vt - vu) / 18 + v1 / (2.0 * n * (n - 1)) + v2 / (9.0 * n * (n - 1) * (n - 2));
        double z = s0 / Math.Sqrt(variance);
        return (tau, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }

    private static List<int> TieSizes(double[] values) =>
        values.GroupBy(v => v).Select(g => g.Count()).Where(c => c > 1).ToList();

    /// <summary>P(T ≤ q) for the number of concordant pairs T of n untied pairs under independence: the distribution
    /// of inversions of a random permutation, built one element at a time.</summary>
    private static double[] ConcordantPairsCdf(int n)
    {
        int max = n * (n - 1) / 2;
        var probabilities = new double[max + 1];
        probabilities[0] = 1;
        var prefix = new double[max + 2];
        for (int i = 2; i <= n; i++)
        {
            int reach = i * (i - 1) / 2;
            prefix[0] = 0;
            for (int j = 0; j <= reach; j++) prefix[j + 1] = prefix[j] + probabilities[j];
            for (int j = 0; j <= reach; j++) probabilities[j] = (prefix[j + 1] - prefix[Math.Max(0, j - i + 1)]) / i;
        }
        for (int j = 1; j <= max; j++) probabilities[j] += probabilities[j - 1];
        return probabilities;
    }
}

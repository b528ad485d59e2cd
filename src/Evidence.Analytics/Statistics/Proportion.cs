using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>A proportion k/n with a confidence interval computed by a named method.</summary>
/// <remarks>
/// <para>Formulas (z is the standard normal quantile at 1 − α/2, p̂ = k/n):</para>
/// <list type="bullet">
/// <item>Wilson: (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n) (Wilson 1927; GUIDE.md §2).</item>
/// <item>Clopper–Pearson: lower = Beta⁻¹(α/2; k, n−k+1), upper = Beta⁻¹(1−α/2; k+1, n−k), with 0 at k = 0 and 1 at k = n.</item>
/// <item>Agresti–Coull: ñ = n + z², p̃ = (k + z²/2)/ñ, p̃ ± z√(p̃(1−p̃)/ñ), clipped to [0, 1] (Agresti &amp; Coull 1998).</item>
/// </list>
/// <para>Immutable.</para>
/// </remarks>
public sealed partial class Proportion
{
    private Proportion(int successes, int trials, double lower, double upper, IntervalMethod method, double level)
    {
        Successes = successes;
        Trials = trials;
        Lower = lower;
        Upper = upper;
        Method = method;
        Level = level;
    }

    /// <summary>The number of successes, k.</summary>
    public int Successes { get; }

    /// <summary>The number of trials, n.</summary>
    public int Trials { get; }

    /// <summary>The estimate k/n.</summary>
    public double Estimate => (double)Successes / Trials;

    /// <summary>The lower confidence limit.</summary>
    public double Lower { get; }

    /// <summary>The upper confidence limit.</summary>
    public double Upper { get; }

    /// <summary>The interval method.</summary>
    public IntervalMethod Method { get; }

    /// <summary>The confidence level (0.95 for a 95% interval).</summary>
    public double Level { get; }

    /// <summary>Computes k/n with its confidence interval.</summary>
    /// <param name="successes">k, between 0 and n.</param>
    /// <param name="trials">n, at least 1.</param>
    /// <param name="method">The interval method.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, k outside 0..n, or the level outside (0, 1).</exception>
    public static Proportion Compute(int successes, int trials, IntervalMethod method = IntervalMethod.Wilson, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        CheckLevel(level);
        var (lower, upper) = method switch
        {
            IntervalMethod.Wilson => Wilson(successes, trials, level),
            IntervalMethod.ClopperPearson => ClopperPearson(successes, trials, level),
            IntervalMethod.AgrestiCoull => AgrestiCoull(successes, trials, level),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown interval method."),
        };
        return new Proportion(successes, trials, lower, upper, method, level);
    }

    /// <summary>"13/15 = 0.867 (95% CI 0.621 to 0.963, Wilson)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Successes}/{Trials} = {Estimate:0.000} ({Level * 100:0.##}% CI {Lower:0.000} to {Upper:0.000}, {Method.Label()})");

    internal static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1 (e.g. 0.95).");
    }

    internal static double NormalQuantile(double level) => Normal.InvCDF(0, 1, 1 - (1 - level) / 2);

    private static (double, double) Wilson(int k, int n, double level)
    {
        double z = NormalQuantile(level), z2 = z * z, p = (double)k / n;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // At k = 0 and k = n the formula gives exactly 0 and 1 in exact arithmetic; pin them against rounding.
        return (k == 0 ? 0 : Math.Max(0, centre - half), k == n ? 1 : Math.Min(1, centre + half));
    }

    private static (double, double) ClopperPearson(int k, int n, double level)
    {
        double alpha = 1 - level;
        double lower = k == 0 ? 0 : Beta.InvCDF(k, n - k + 1, alpha / 2);
        double upper = k == n ? 1 : Beta.InvCDF(k + 1, n - k, 1 - alpha / 2);
        return (lower, upper);
    }

    private static (double, double) AgrestiCoull(int k, int n, double level)
    {
        double z = NormalQuantile(level), z2 = z * z;
        double nTilde = n + z2, pTilde = (k + z2 / 2) / nTilde;
        double half = z * Math.Sqrt(pTilde * (1 - pTilde) / nTilde);
        return (Math.Max(0, pTilde - half), Math.Min(1, pTilde + half));
    }
}

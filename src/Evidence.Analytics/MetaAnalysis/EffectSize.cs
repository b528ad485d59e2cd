using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>One study's effect size on the analysis scale (yi) with its sampling variance (vi), as metafor's
/// <c>escalc</c> computes them.</summary>
/// <remarks>
/// <para>Formulas (group 1 is the intervention, group 2 the comparator; a, b events and non-events of group 1, c, d of
/// group 2; n₁ = a + b, n₂ = c + d):</para>
/// <list type="bullet">
/// <item>RR: yi = ln((a/n₁)/(c/n₂)), vi = 1/a − 1/n₁ + 1/c − 1/n₂. OR: yi = ln(ad/bc), vi = 1/a + 1/b + 1/c + 1/d.
/// RD: yi = a/n₁ − c/n₂, vi = p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂. As metafor's default (<c>add = 1/2, to = "only0"</c>), ½ is
/// added to all four cells of a study with a zero cell; a study with no events in either group is kept.</item>
/// <item>SMD: Hedges' g = c(m)·(m̄₁ − m̄₂)/s_p with s_p² = ((n₁−1)s₁² + (n₂−1)s₂²)/m, m = n₁ + n₂ − 2 and the exact
/// correction c(m) = Γ(m/2)/(√(m/2)·Γ((m−1)/2)); vi = 1/n₁ + 1/n₂ + g²/(2(n₁ + n₂)).</item>
/// <item>MD: yi = m̄₁ − m̄₂, vi = s₁²/n₁ + s₂²/n₂.</item>
/// <item>ZCOR: yi = atanh(r), vi = 1/(n − 3).</item>
/// <item>PLO: yi = ln(x/(n − x)), vi = 1/x + 1/(n − x). PR: yi = x/n, vi = yi(1 − yi)/n. For both, ½ is added to the
/// events and the non-events when either is zero (metafor's default).</item>
/// </list>
/// <para>Immutable.</para>
/// </remarks>
public readonly partial struct EffectSize : IEquatable<EffectSize>
{
    private EffectSize(EffectMeasure measure, double estimate, double variance)
    {
        Measure = measure;
        Estimate = estimate;
        Variance = variance;
    }

    /// <summary>The measure.</summary>
    public EffectMeasure Measure { get; }

    /// <summary>The estimate on the analysis scale (yi): log ratios for RR and OR, Fisher's z for correlations.</summary>
    public double Estimate { get; }

    /// <summary>The sampling variance (vi).</summary>
    public double Variance { get; }

    /// <summary>The standard error, √vi.</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>The Wald confidence interval yi ± z·√vi at <paramref name="level"/>, on the analysis scale.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 1.</exception>
    public (double Lower, double Upper) ConfidenceInterval(double level = 0.95)
    {
        double z = Normal.InvCDF(0, 1, 1 - (1 - CheckLevel(level)) / 2);
        return (Estimate - z * StandardError, Estimate + z * StandardError);
    }

    /// <summary>The effect size of a 2×2 table: events and non-events in each group.</summary>
    /// <param name="measure"><see cref="EffectMeasure.LogRiskRatio"/>, <see cref="EffectMeasure.LogOddsRatio"/> or
    /// <see cref="EffectMeasure.RiskDifference"/>.</param>
    /// <param name="events1">Events in group 1 (ai).</param>
    /// <param name="nonEvents1">Non-events in group 1 (bi).</param>
    /// <param name="events2">Events in group 2 (ci).</param>
    /// <param name="nonEvents2">Non-events in group 2 (di).</param>
    /// <exception cref="ArgumentException">The measure is not one of counts, a count is negative or not finite, or a
    /// group has no participants; the parameter name says which count.</exception>
    public static EffectSize FromCounts(EffectMeasure measure, double events1, double nonEvents1, double events2, double nonEvents2)
    {
        if (measure is not (EffectMeasure.LogRiskRatio or EffectMeasure.LogOddsRatio or EffectMeasure.RiskDifference))
            throw new ArgumentException($"{measure.Code()} is not a measure of 2×2 counts (RR, OR, RD).", nameof(measure));
        CheckCount(events1, nameof(events1), "events in group 1");
        CheckCount(nonEvents1, nameof(nonEvents1), "non-events in group 1");
        CheckCount(events2, nameof(events2), "events in group 2");
        CheckCount(nonEvents2, nameof(nonEvents2), "non-events in group 2");
        if (events1 + nonEvents1 == 0)
            throw new ArgumentException("Group 1 has no participants (events and non-events are both 0).", nameof(events1));
        if (events2 + nonEvents2 == 0)
            throw new ArgumentException("Group 2 has no participants (events and non-events are both 0).", nameof(events2));
        double a = events1, b = nonEvents1, c = events2, d = nonEvents2;
        if (a == 0 || b == 0 || c == 0 || d == 0)
        {
            a += 0.5;
            b += 0.5;
            c += 0.5;
            d += 0.5;
        }
        double n1 = a + b, n2 = c + d;
        return measure switch
        {
            EffectMeasure.LogRiskRatio => new(measure, Math.Log(a / n1 / (c / n2)), 1 / a - 1 / n1 + 1 / c - 1 / n2),
            EffectMeasure.LogOddsRatio => new(measure, Math.Log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d),
            _ => new(measure, a / n1 - c / n2, a / n1 * (1 - a / n1) / n1 + c / n2 * (1 - c / n2) / n2),
        };
    }

    /// <summary>The effect size of two groups' means: Hedges' g (SMD) or the raw mean difference (MD).</summary>
    /// <param name="measure"><see cref="EffectMeasure.StandardisedMeanDifference"/> or <see cref="EffectMeasure.MeanDifference"/>.</param>
    /// <param name="size1">Group 1's size (n1i).</param>
    /// <param name="mean1">Group 1's mean (m1i).</param>
    /// <param name="sd1">Group 1's standard deviation (sd1i).</param>
    /// <param name="size2">Group 2's size (n2i).</param>
    /// <param name="mean2">Group 2's mean (m2i).</param>
    /// <param name="sd2">Group 2's standard deviation (sd2i).</param>
    /// <exception cref="ArgumentException">The measure is not one of means, a size is below 2 (1 for MD), a standard
    /// deviation is negative, both are zero, or a number is not finite; the parameter name says which.</exception>
    public static EffectSize FromMeans(EffectMeasure measure, double size1, double mean1, double sd1, double size2, double mean2, double sd2)
    {
        if (measure is not (EffectMeasure.StandardisedMeanDifference or EffectMeasure.MeanDifference))
            throw new ArgumentException($"{measure.Code()} is not a measure of means (SMD, MD).", nameof(measure));
        double minimum = measure == EffectMeasure.MeanDifference ? 1 : 2;
        CheckAtLeast(size1, minimum, nameof(size1), "group 1's size");
        CheckAtLeast(size2, minimum, nameof(size2), "group 2's size");
        CheckFinite(mean1, nameof(mean1), "group 1's mean");
        CheckFinite(mean2, nameof(mean2), "group 2's mean");
        CheckAtLeast(sd1, 0, nameof(sd1), "group 1's standard deviation");
        CheckAtLeast(sd2, 0, nameof(sd2), "group 2's standard deviation");
        if (sd1 == 0 && sd2 == 0)
            throw new ArgumentException("Both standard deviations are 0, so the difference has no variance.", nameof(sd1));
        if (measure == EffectMeasure.MeanDifference)
            return new(measure, mean1 - mean2, sd1 * sd1 / size1 + sd2 * sd2 / size2);
        double m = size1 + size2 - 2;
        double pooled = Math.Sqrt(((size1 - 1) * sd1 * sd1 + (size2 - 1) * sd2 * sd2) / m);
        double correction = Math.Exp(SpecialFunctions.GammaLn(m / 2) - Math.Log(Math.Sqrt(m / 2)) - SpecialFunctions.GammaLn((m - 1) / 2));
        double g = correction * (mean1 - mean2) / pooled;
        return new(measure, g, 1 / size1 + 1 / size2 + g * g / (2 * (size1 + size2)));
    }

    /// <summary>Fisher's z of a correlation <paramref name="correlation"/> (ri) in a sample of <paramref name="size"/> (ni).</summary>
    /// <exception cref="ArgumentException">The correlation is outside (−1, 1) or the sample is smaller than 4.</exception>
    public static EffectSize FromCorrelation(double correlation, double size)
    {
        if (!(correlation > -1 && correlation < 1))
            throw new ArgumentException(Invariant($"The correlation {correlation} is not strictly between −1 and 1."), nameof(correlation));
        CheckAtLeast(size, 4, nameof(size), "the sample size");
        return new(EffectMeasure.FisherZ, Math.Atanh(correlation), 1 / (size - 3));
    }

    /// <summary>The raw or logit proportion of <paramref name="events"/> (xi) in <paramref name="size"/> (ni).</summary>
    /// <param name="measure"><see cref="EffectMeasure.Proportion"/> or <see cref="EffectMeasure.LogitProportion"/>.</param>
    /// <param name="events">The number of events, xi.</param>
    /// <param name="size">The sample size, ni.</param>
    /// <exception cref="ArgumentException">The measure is not a proportion, the sample is empty, or the events are
    /// negative or more than the sample.</exception>
    public static EffectSize FromProportion(EffectMeasure measure, double events, double size)
    {
        if (measure is not (EffectMeasure.Proportion or EffectMeasure.LogitProportion))
            throw new ArgumentException($"{measure.Code()} is not a measure of a proportion (PR, PLO).", nameof(measure));
        CheckAtLeast(size, 1, nameof(size), "the sample size");
        CheckCount(events, nameof(events), "the number of events");
        if (events > size)
            throw new ArgumentException(Invariant($"The number of events {events} is more than the sample size {size}."), nameof(events));
        double x = events, rest = size - events;
        if (x == 0 || rest == 0)
        {
            x += 0.5;
            rest += 0.5;
        }
        double n = x + rest, p = x / n;
        return measure == EffectMeasure.Proportion
            ? new(measure, p, p * (1 - p) / n)
            : new(measure, Math.Log(x / rest), 1 / x + 1 / rest);
    }

    /// <summary>An estimate with its sampling variance, already on the analysis scale (metafor's yi and vi).</summary>
    /// <param name="measure">The measure the estimate is on (<see cref="EffectMeasure.Generic"/> if none).</param>
    /// <param name="estimate">yi.</param>
    /// <param name="variance">vi, positive.</param>
    /// <exception cref="ArgumentException">A number is not finite or the variance is not positive.</exception>
    public static EffectSize FromVariance(EffectMeasure measure, double estimate, double variance)
    {
        CheckFinite(estimate, nameof(estimate), "the estimate");
        if (!(variance > 0) || !double.IsFinite(variance))
            throw new ArgumentException(Invariant($"The sampling variance {variance} is not a positive number."), nameof(variance));
        return new(measure, estimate, variance);
    }

    /// <summary>An estimate with its standard error, already on the analysis scale.</summary>
    /// <exception cref="ArgumentException">A number is not finite or the standard error is not positive.</exception>
    public static EffectSize FromStandardError(EffectMeasure measure, double estimate, double standardError)
    {
        if (!(standardError > 0) || !double.IsFinite(standardError))
            throw new ArgumentException(Invariant($"The standard error {standardError} is not a positive number."), nameof(standardError));
        return FromVariance(measure, estimate, standardError * standardError);
    }

    /// <summary>An estimate reported with a symmetric Wald confidence interval, converted to yi and vi: for log ratios
    /// (RR, OR) the estimate and limits are the reported ratios and are logged; vi = ((upper − lower)/(2z))².</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="estimate">The reported estimate (a ratio for RR and OR).</param>
    /// <param name="lower">The reported lower confidence limit.</param>
    /// <param name="upper">The reported upper confidence limit.</param>
    /// <param name="level">The interval's confidence level, 0.95 unless stated.</param>
    /// <exception cref="ArgumentException">A ratio is not positive, the limits do not bracket the estimate or are equal,
    /// or the level is not strictly between 0 and 1.</exception>
    public static EffectSize FromConfidenceInterval(EffectMeasure measure, double estimate, double lower, double upper, double level = 0.95)
    {
        double z = Normal.InvCDF(0, 1, 1 - (1 - CheckLevel(level)) / 2);
        CheckFinite(estimate, nameof(estimate), "the estimate");
        CheckFinite(lower, nameof(lower), "the lower limit");
        CheckFinite(upper, nameof(upper), "the upper limit");
        if (!(lower <= estimate && estimate <= upper && lower < upper))
            throw new ArgumentException(Invariant($"The interval {lower} to {upper} does not contain the estimate {estimate}."), nameof(lower));
        if (measure.IsLogRatio())
        {
            if (!(lower > 0))
                throw new ArgumentException(Invariant($"The ratio's lower limit {lower} is not positive."), nameof(lower));
            (estimate, lower, upper) = (Math.Log(estimate), Math.Log(lower), Math.Log(upper));
        }
        double se = (upper - lower) / (2 * z);
        return new(measure, estimate, se * se);
    }

    /// <summary>A finding's reported effect estimate (metric RR, OR, RD, SMD, MD or GEN) converted as
    /// <see cref="FromConfidenceInterval"/> does, or, without an interval, from its standard error (of the log ratio for
    /// RR and OR) as <see cref="FromStandardError"/> does.</summary>
    /// <exception cref="ArgumentException">The metric is not one of those, or neither the interval nor the standard error is reported.</exception>
    public static EffectSize FromEstimate(EffectEstimate estimate, double level = 0.95)
    {
        var measure = EffectMeasures.FromCode(estimate.Metric)
            ?? throw new ArgumentException($"The metric '{estimate.Metric}' is not one of RR, OR, RD, SMD, MD, ZCOR, PLO, PR, GEN.", nameof(estimate));
        if (estimate.Lower is not { } lower || estimate.Upper is not { } upper)
        {
            if (estimate.StandardError is not { } se)
                throw new ArgumentException($"The estimate {estimate} has no confidence interval or standard error, so its variance is unknown.", nameof(estimate));
            if (measure.IsLogRatio() && !(estimate.Value > 0))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The ratio {estimate.Value} is not positive."), nameof(estimate));
            return FromStandardError(measure, measure.IsLogRatio() ? Math.Log(estimate.Value) : estimate.Value, se);
        }
        return FromConfidenceInterval(measure, estimate.Value, lower, upper, level);
    }

    /// <inheritdoc />
    public bool Equals(EffectSize other) => Measure == other.Measure && Estimate.Equals(other.Estimate) && Variance.Equals(other.Variance);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EffectSize other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Measure, Estimate, Variance);

    /// <summary>Whether two effect sizes are equal.</summary>
    public static bool operator ==(EffectSize left, EffectSize right) => left.Equals(right);

    /// <summary>Whether two effect sizes differ.</summary>
    public static bool operator !=(EffectSize left, EffectSize right) => !left.Equals(right);

    /// <summary>"RR yi = −0.8893, vi = 0.3256", in the invariant culture.</summary>
    public override string ToString() => Invariant($"{Measure.Code()} yi = {Estimate:0.####}, vi = {Variance:0.####}");

    internal static double CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be strictly between 0 and 1.");
        return level;
    }

    private static void CheckFinite(double value, string parameter, string what)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException(Invariant($"{Capitalised(what)} {value} is not a finite number."), parameter);
    }

    private static void CheckCount(double value, string parameter, string what)
    {
        CheckFinite(value, parameter, what);
        if (value < 0)
            throw new ArgumentException(Invariant($"{Capitalised(what)} {value} is negative."), parameter);
    }

    private static void CheckAtLeast(double value, double minimum, string parameter, string what)
    {
        CheckFinite(value, parameter, what);
        if (value < minimum)
            throw new ArgumentException(Invariant($"{Capitalised(what)} {value} is less than {minimum}."), parameter);
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using MathNet.Numerics;

namespace Evidence.Analytics;

/// <summary>The exact two-sided sign test used in vote counting by direction of effect.</summary>
/// <remarks>
/// <para>With n = benefit + harm (studies showing no change or mixed effects are excluded) and k = benefit, the test is the
/// two-sided exact binomial test with p₀ = ½: P = min(1, 2·Σ_{i=0}^{min(k, n−k)} C(n, i)·½ⁿ) (Cochrane Handbook ch. 12;
/// Hilton Boon &amp; Thomson 2021; GUIDE.md §2).</para>
/// <para>Caveat: study-level directions are not i.i.d. Bernoulli(½) under the null (Nikolakopoulos 2020, <i>Res Synth
/// Methods</i> 11:714–719), so treat P as descriptive, not as a test of an average effect.</para>
/// </remarks>
public static class SignTest
{
    /// <summary>The two-sided exact sign-test P value for <paramref name="benefit"/> studies favouring the intervention
    /// and <paramref name="harm"/> favouring the comparator; 1 when both are zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double TwoSidedP(int benefit, int harm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(benefit);
        ArgumentOutOfRangeException.ThrowIfNegative(harm);
        int n = benefit + harm;
        if (n == 0) return 1;
        int m = Math.Min(benefit, harm);
        if (2 * m == n) return 1;
        // P(X ≤ m) for X ~ Bin(n, ½) is the regularised incomplete beta I_{½}(n − m, m + 1); unlike summing C(n, i)·½ⁿ
        // term by term, it neither overflows nor underflows for the hundreds of thousands of studies of a benchmark.
        double tail = SpecialFunctions.BetaRegularized(n - m, m + 1, 0.5);
        return Math.Min(1, 2 * tail);
    }
}

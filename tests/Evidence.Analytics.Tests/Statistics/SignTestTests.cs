using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Statistics;

public class SignTestTests
{
    [Theory]
    // GUIDE.md §2: Cochrane Handbook ch. 12 example, 13 of 15 favour the intervention: P = 0.007 (computed 0.00739).
    // Exact: 2·(1 + 15 + 105)/2¹⁵ = 242/32768 = 0.0073853; R 4.2.2 binom.test(13, 15)$p.value → 0.007385253906.
    [InlineData(13, 2, 0.0073853)]
    // Hilton Boon & Thomson 2021 sign-test P values 0.0039 and 0.2188: 9/9 → 2/2⁹ = 0.0039063; 5/6 → 2·7/2⁶ = 0.21875
    // (R 4.2.2 binom.test(9, 9) and binom.test(5, 6): 0.00390625 and 0.21875).
    [InlineData(9, 0, 0.0039063)]
    [InlineData(5, 1, 0.21875)]
    [InlineData(1, 5, 0.21875)]
    [InlineData(3, 3, 1.0)]
    [InlineData(0, 0, 1.0)]
    [InlineData(1, 0, 1.0)]
    public void TwoSidedP_KnownCounts_MatchesExactBinomial(int benefit, int harm, double expected)
    {
        Assert.Equal(expected, SignTest.TwoSidedP(benefit, harm), 6);
    }

    [Fact]
    public void TwoSidedP_AnyCounts_EqualsTermByTermSumAndIsSymmetric()
    {
        var counts = from benefit in Gen.Choose(0, 60) from harm in Gen.Choose(0, 60) select (benefit, harm);

        Prop.ForAll(counts.ToArbitrary(), c =>
        {
            int n = c.benefit + c.harm, m = Math.Min(c.benefit, c.harm);
            double sum = 0;
            for (int i = 0; i <= m; i++) sum += Choose(n, i) * Math.Pow(0.5, n);
            double expected = n == 0 ? 1 : Math.Min(1, 2 * sum);
            double p = SignTest.TwoSidedP(c.benefit, c.harm);
            return Math.Abs(p - expected) < 1e-9 && p == SignTest.TwoSidedP(c.harm, c.benefit);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TwoSidedP_HundredThousandStudies_DoesNotUnderflowToNaN()
    {
        double p = SignTest.TwoSidedP(50_500, 49_500);

        Assert.InRange(p, 0.001, 0.01); // z ≈ 1000/√100000 = 3.16 → two-sided normal ≈ 0.0016.
    }

    private static double Choose(int n, int k)
    {
        double result = 1;
        for (int i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }
}

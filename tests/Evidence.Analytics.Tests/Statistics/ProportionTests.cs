using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Statistics;

public class ProportionTests
{
    [Fact]
    public void Compute_Wilson13Of15_MatchesCochraneExample()
    {
        // GUIDE.md §2: Cochrane Handbook ch. 12 worked example, 13/15 = 87% (95% CI 62% to 96%); computed Wilson 0.621–0.963.
        // R 4.2.2: prop.test(13, 15, correct = FALSE)$conf.int → 0.6211801717 0.9626387409 (the Wilson score interval).
        var p = Proportion.Compute(13, 15);

        Assert.Equal(IntervalMethod.Wilson, p.Method);
        Assert.Equal(13.0 / 15, p.Estimate, 12);
        Assert.Equal(0.621180, p.Lower, 5);
        Assert.Equal(0.962639, p.Upper, 5);
    }

    [Fact]
    public void Compute_ClopperPearson13Of15_MatchesExactInterval()
    {
        // GUIDE.md §2: Clopper–Pearson 13/15 = 0.595–0.983. R 4.2.2: binom.test(13, 15)$conf.int → 0.5953973034 0.9834240866.
        var p = Proportion.Compute(13, 15, IntervalMethod.ClopperPearson);

        Assert.Equal(0.595397, p.Lower, 5);
        Assert.Equal(0.983424, p.Upper, 5);
    }

    [Fact]
    public void Compute_ClopperPearsonAtNinetyPercent_MatchesR()
    {
        // R 4.2.2: binom.test(13, 15, conf.level = 0.9)$conf.int → 0.6365582345 0.9757742675.
        var p = Proportion.Compute(13, 15, IntervalMethod.ClopperPearson, level: 0.9);

        Assert.Equal(0.6365582, p.Lower, 6);
        Assert.Equal(0.9757743, p.Upper, 6);
    }

    [Theory]
    // R 4.2.2: prop.test(7, 9, correct = FALSE)$conf.int → 0.4525889691 0.9367748929; prop.test(2, 2, …) → 0.3423802275 1.
    [InlineData(7, 9, 0.4525890, 0.9367749)]
    [InlineData(2, 2, 0.3423802, 1.0)]
    public void Compute_WilsonSmallCounts_MatchesR(int k, int n, double lower, double upper)
    {
        var p = Proportion.Compute(k, n);

        Assert.Equal(lower, p.Lower, 6);
        Assert.Equal(upper, p.Upper, 6);
    }

    [Fact]
    public void Compute_AgrestiCoull13Of15_MatchesHandCalculation()
    {
        // Formula (Agresti & Coull 1998) evaluated independently with mpmath 1.3.0: z = 1.959964, ñ = 15 + z² = 18.841459,
        // p̃ = (13 + z²/2)/ñ = 0.791909, half-width = z·√(p̃(1−p̃)/ñ) = 0.183297 → 0.608613 to 0.975206.
        var p = Proportion.Compute(13, 15, IntervalMethod.AgrestiCoull);

        Assert.Equal(0.608613, p.Lower, 5);
        Assert.Equal(0.975206, p.Upper, 5);
    }

    [Fact]
    public void Compute_ZeroOfN_LowerIsZeroAndUpperIsKnown()
    {
        // Clopper–Pearson 0/10: upper = 1 − (α/2)^(1/n) = 1 − 0.025^(0.1) = 0.308497 (closed form; R binom.test(0, 10) → 0.3084971078).
        var cp = Proportion.Compute(0, 10, IntervalMethod.ClopperPearson);
        Assert.Equal(0, cp.Lower);
        Assert.Equal(1 - Math.Pow(0.025, 0.1), cp.Upper, 6);

        // Wilson 0/10: upper = z²/(n + z²) = 3.841459/13.841459 = 0.277533 (formula with p̂ = 0; R prop.test(0, 10, correct = FALSE) → 0.2775327999).
        var wilson = Proportion.Compute(0, 10);
        Assert.Equal(0, wilson.Lower);
        Assert.Equal(3.841459 / 13.841459, wilson.Upper, 6);
    }

    [Fact]
    public void Compute_NOfN_UpperIsOneAndLowerMirrorsZeroOfN()
    {
        var cp = Proportion.Compute(10, 10, IntervalMethod.ClopperPearson);
        Assert.Equal(1, cp.Upper);
        Assert.Equal(Math.Pow(0.025, 0.1), cp.Lower, 6);

        var wilson = Proportion.Compute(10, 10);
        Assert.Equal(1, wilson.Upper);
        Assert.Equal(1 - 3.841459 / 13.841459, wilson.Lower, 6);
    }

    [Fact]
    public void Compute_HigherLevel_GivesWiderInterval()
    {
        var p90 = Proportion.Compute(13, 15, level: 0.90);
        var p99 = Proportion.Compute(13, 15, level: 0.99);

        Assert.True(p99.Lower < p90.Lower && p99.Upper > p90.Upper);
    }

    [Fact]
    public void Compute_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Compute(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Compute(6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Compute(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Compute(1, 5, level: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Compute(1, 5, level: double.NaN));
    }

    [Fact]
    public void Compute_AnyCountsAndMethod_IntervalContainsEstimateWithinUnitRange()
    {
        var cases = from n in Gen.Choose(1, 500)
                    from k in Gen.Choose(0, n)
                    from method in Gen.Elements(Enum.GetValues<IntervalMethod>())
                    from level in Gen.Elements(0.8, 0.9, 0.95, 0.99)
                    select (k, n, method, level);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var p = Proportion.Compute(c.k, c.n, c.method, c.level);
            return p.Lower >= 0 && p.Upper <= 1 && p.Lower <= p.Estimate && p.Estimate <= p.Upper && p.Lower < p.Upper;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ToString_Wilson_NamesMethodAndLevel()
    {
        Assert.Equal("13/15 = 0.867 (95% CI 0.621 to 0.963, Wilson)", Proportion.Compute(13, 15).ToString());
    }
}

using Xunit;

namespace Evidence.Analytics.Tests.Statistics;

/// <summary>One way of writing a P value everywhere (issue 16, item 3): two significant figures, "P &lt; 0.0001" below
/// that, never "P = 0".</summary>
public sealed class PValuesTests
{
    [Theory]
    [InlineData(0.00739, "P = 0.0074")] // GUIDE.md §2: 13 of 15 improved, P = 0.00739
    [InlineData(0.21875, "P = 0.22")] // 2 improved, 5 worsened: 2 · (1 + 7 + 21) / 2⁷ = 0.21875
    [InlineData(0.0625, "P = 0.063")] // 5 of 5: 2 · 0.5⁵ (a midpoint, rounded away from zero)
    [InlineData(0.0995, "P = 0.10")] // rounded before the digits are counted: not "0.100"
    [InlineData(0.05, "P = 0.050")]
    [InlineData(0.000381, "P = 0.00038")]
    [InlineData(0.0001, "P = 0.00010")]
    [InlineData(0.0000038, "P < 0.0001")] // 19 improved, 0 worsened: 2 · 0.5¹⁹ = 3.8e-6, which "0.####" printed as "P = 0"
    [InlineData(0.996, "P = 1")]
    [InlineData(1.0, "P = 1")]
    public void Statement_TwoSignificantFigures_NeverZero(double p, string expected) =>
        Assert.Equal(expected, PValues.Statement(p));

    [Fact]
    public void Format_ComputedMidpoint_RoundsAsTheExactValue()
    {
        // 5 improved, 0 worsened: exactly 2 · 0.5⁵ = 0.0625, which the incomplete beta function may return an ulp low.
        Assert.Equal("0.063", PValues.Format(SignTest.TwoSidedP(5, 0)));
        Assert.Equal("0.063", PValues.Format(Math.BitDecrement(0.0625)));
    }

    [Fact]
    public void Share_SignTestOfNineteenToNone_IsWrittenBelowTheFloor()
    {
        // 19 improved, 0 worsened: the exact two-sided P is 2 · 0.5¹⁹ = 3.81e-6.
        Assert.Equal(2 * Math.Pow(0.5, 19), SignTest.TwoSidedP(19, 0), 12);
        Assert.Equal("< 0.0001", PValues.Format(SignTest.TwoSidedP(19, 0)));
    }
}

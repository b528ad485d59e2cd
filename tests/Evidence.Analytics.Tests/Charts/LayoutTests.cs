using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Charts;

public sealed class LayoutTests
{
    [Fact]
    public void Width_KnownWord_SumOfHelveticaAfmWidths()
    {
        // Helvetica AFM: H 722, e 556, l 222, l 222, o 556 = 2278/1000 em; at 10 px that is 22.78 px.
        Assert.Equal(22.78, TextMetrics.Width("Hello", 10), 6);
        // Helvetica-Bold AFM: H 722, e 556, l 278, l 278, o 611 = 2445/1000 em.
        Assert.Equal(24.45, TextMetrics.Width("Hello", 10, bold: true), 6);
    }

    [Fact]
    public void Wrap_LongLabel_BreaksAtSpacesWithinTheWidth()
    {
        var lines = TextMetrics.Wrap("Not social prescribing or community referral", 120, 12);

        Assert.Equal(["Not social prescribing", "or community referral"], lines.ToArray());
    }

    [Fact]
    public void Wrap_NoBreakSpace_KeepsTheCountTogether()
    {
        var lines = TextMetrics.Wrap("Records screened (n\u00A0=\u00A013,851)", 110, 12);

        Assert.Equal(["Records screened", "(n\u00A0=\u00A013,851)"], lines.ToArray());
    }

    [Fact]
    public void Wrap_MaxLines_EndsTheLastLineWithAnEllipsis()
    {
        var lines = TextMetrics.Wrap("one two three four five six seven eight", 40, 12, maxLines: 2);

        Assert.Equal(2, lines.Count);
        Assert.EndsWith("\u2026", lines[1]);
    }

    [Fact]
    public void Wrap_AnyText_LinesFitAndKeepEveryCharacter()
    {
        var words = Gen.Elements("a", "social", "Mother-infant", "bonding", "education/information", "W", "iiiiiiii", "WWWWWWWWWWWWWWWW", "(n\u00A0=\u00A033)");
        var texts = Gen.ListOf(words).Select(ws => string.Join(" ", ws)).Where(t => t.Length > 0);
        var widths = Gen.Choose(30, 300);

        Prop.ForAll(texts.ToArbitrary(), widths.ToArbitrary(), (text, width) =>
        {
            var lines = TextMetrics.Wrap(text, width, 12);
            bool fit = lines.All(l => TextMetrics.Width(l, 12) <= width + 1e-9 || l.Length == 1);
            bool kept = string.Concat(lines).Replace(" ", "") == text.Replace(" ", "");
            return fit && kept;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0, 23, true, new double[] { 0, 5, 10, 15, 20, 25 })]
    [InlineData(0, 3, true, new double[] { 0, 1, 2, 3 })]
    [InlineData(0, 1, true, new double[] { 0, 1 })]
    [InlineData(0, 0.93, false, new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(0, 130, true, new double[] { 0, 50, 100, 150 })]
    public void NiceTicks_Range_StepsOfOneTwoOrFive(double min, double max, bool integers, double[] expected) =>
        Assert.Equal(expected, LinearScale.NiceTicks(min, max, 6, integers).ToArray());

    [Fact]
    public void Num_AnyCulture_InvariantWithAtMostTwoDecimals()
    {
        Assert.Equal("12.5", SvgBuilder.Num(12.5));
        Assert.Equal("0", SvgBuilder.Num(-0.001));
        Assert.Equal("1234.57", SvgBuilder.Num(1234.5678));
    }
}

using FsCheck;
using FsCheck.Fluent;

namespace Evidence.Analytics.Tests.Screening;

public sealed class ScreeningMetricsTests
{
    private static bool[] L(params int[] labels) => [.. labels.Select(l => l == 1)];

    [Fact]
    public void Recall_InsightsUnitCase() => Assert.Equal(2.0 / 3, ScreeningMetrics.Recall(L(1, 1, 1, 0), 0.5), 1e-15);

    [Fact]
    public void TimeToDiscovery_InsightsUnitCase() =>
        Assert.Equal([new Discovery("3", 1), new Discovery("2", 2), new Discovery("1", 4)], ScreeningMetrics.TimeToDiscovery(["3", "2", "0", "1"], L(1, 1, 0, 1)).ToArray());

    [Theory]
    [InlineData(new[] { 1, 0 }, 0.0)]
    [InlineData(new[] { 0, 1 }, 1.0)]
    [InlineData(new[] { 1, 1, 0, 0, 0 }, 0.0)]
    [InlineData(new[] { 0, 0, 0, 1, 1 }, 1.0)]
    [InlineData(new[] { 1, 0, 1 }, 0.5)]
    public void Loss_AsreviewUnitCases(int[] labels, double loss) => Assert.Equal(loss, ScreeningMetrics.Loss(L(labels)), 1e-15);

    [Fact]
    public void Loss_OneClass_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScreeningMetrics.Loss(L(1, 1)));
        Assert.Throws<ArgumentException>(() => ScreeningMetrics.Loss(L(0, 0)));
    }

    [Fact]
    public void WorkSaved_HandWorkedRanking()
    {
        // N = 10, P = 2; found at positions 1 and 3. Random: round(2i/9) = 0,0,0,1,1,1,1,2,2,2, reaching 1 at index 3 and 2
        // at index 7. WSS@95 reads the first relevant record (x = 0.5 ≤ 0.95 < 1): (3 − 0)/10; WSS@100: (7 − 2)/10.
        var labels = L(1, 0, 1, 0, 0, 0, 0, 0, 0, 0);

        Assert.Equal(0.3, ScreeningMetrics.WorkSaved(labels, 0.95), 1e-15);
        Assert.Equal(0.5, ScreeningMetrics.WorkSaved(labels, 1.0), 1e-15);
    }

    [Fact]
    public void ExtraRelevantFound_RoundsTheRandomLineHalfToEven()
    {
        // N = 3, P = 1: linspace(0, 1, 3) = 0, 0.5, 1 rounds (numpy, half to even) to 0, 0, 1. At x = 2/3 this order has found 1.
        Assert.Equal(1.0, ScreeningMetrics.ExtraRelevantFound(L(0, 1, 0), 0.67), 1e-15);
        Assert.Equal(0.0, ScreeningMetrics.ExtraRelevantFound(L(0, 1, 0), 0.2), 1e-15); // before the first point
    }

    [Fact]
    public void Ndcg_HandWorkedRanking()
    {
        double expected = (1 / Math.Log2(3) + 1 / Math.Log2(4)) / (1 + 1 / Math.Log2(3));

        Assert.Equal(expected, ScreeningMetrics.Ndcg(L(0, 1, 1, 0)), 1e-15);
    }

    [Fact]
    public void RecallCurve_IsMonotoneAndEndsAtOne()
    {
        var cases = from n in Gen.Choose(1, 200)
                    from seed in Gen.Choose(0, 1_000_000)
                    select (n, seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            var labels = Enumerable.Range(0, c.n).Select(_ => random.Next(4) == 0).ToList();
            labels[random.Next(c.n)] = true;
            var curve = new RecallCurve(labels);
            double previous = 0;
            for (int i = 1; i <= curve.Records; i++)
            {
                double recall = curve.RecallAfter(i);
                if (recall < previous) return false;
                previous = recall;
            }
            // numpy's linspace(0, P, 1) is [0]: with a single record the random line has found nothing (Insights' definition).
            double randomAtEnd = c.n == 1 ? 0 : curve.Relevant;
            return previous == 1.0 && curve.OptimalFound(curve.Records - 1) == curve.Relevant && curve.RandomFound(curve.Records - 1) == randomAtEnd;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TargetRecall_HandWorkedHypergeometricTest()
    {
        // 100 records; 10 screened, the first 5 relevant, then 5 irrelevant. Recall < 0.9 means at least ⌊5/0.9⌋ + 1 = 6
        // relevant, so at least one among the 95 records unscreened before the last 5: P(0 in 5 draws | 95, 1) = 90/95.
        // Windows reaching into the relevant records are less extreme; the smallest p-value is that window's.
        bool[] screened = L(1, 1, 1, 1, 1, 0, 0, 0, 0, 0);

        double p = StoppingRule.MinimumP(screened, 100, 0.9);

        Assert.Equal(90.0 / 95, p, 1e-12);
        Assert.False(StoppingRule.TargetRecall(0.9).ShouldStop(screened, 100, null));
    }
}

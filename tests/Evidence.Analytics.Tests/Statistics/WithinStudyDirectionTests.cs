using Xunit;

namespace Evidence.Analytics.Tests.Statistics;

public class WithinStudyDirectionTests
{
    [Fact]
    public void Combine_SevenOfTenImproved_IsImprovedAtExactlySeventyPercent()
    {
        var directions = Enumerable.Repeat(Direction.Improved, 7).Concat(Enumerable.Repeat(Direction.NoDifference, 3));

        Assert.Equal(Direction.Improved, WithinStudyDirection.Combine(directions));
    }

    [Fact]
    public void Combine_TwoOfThree_IsMixedAtDefaultButNotAtSixtyPercent()
    {
        Direction[] directions = [Direction.Worsened, Direction.Worsened, Direction.Improved];

        Assert.Equal(Direction.Mixed, WithinStudyDirection.Combine(directions));
        Assert.Equal(Direction.Worsened, WithinStudyDirection.Combine(directions, threshold: 0.6));
    }

    [Fact]
    public void Combine_NotReportedFindings_AreIgnoredUnlessAll()
    {
        Assert.Equal(Direction.NoDifference, WithinStudyDirection.Combine([Direction.NoDifference, Direction.NotReported]));
        Assert.Equal(Direction.NotReported, WithinStudyDirection.Combine([Direction.NotReported, Direction.NotReported]));
        Assert.Equal(Direction.NotReported, WithinStudyDirection.Combine([]));
    }

    [Fact]
    public void Combine_MixedFindings_PullTowardsMixed()
    {
        Assert.Equal(Direction.Mixed, WithinStudyDirection.Combine([Direction.Mixed]));
        Assert.Equal(Direction.Mixed, WithinStudyDirection.Combine([Direction.Improved, Direction.Improved, Direction.Mixed]));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Combine_ThresholdOutsideHalfToOne_Throws(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WithinStudyDirection.Combine([Direction.Improved], threshold));
    }
}

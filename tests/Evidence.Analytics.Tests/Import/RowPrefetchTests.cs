using System.Runtime.CompilerServices;
using Evidence.Analytics.Import;
using Xunit;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Rows read ahead on another thread arrive as reading them in line would give them: every row, in order; a
/// failure of the source after the rows before it; and no reading once the rows are no longer wanted.</summary>
public sealed class RowPrefetchTests
{
    /// <summary>Rows numbered 1 to <paramref name="count"/>, each holding its number as text; throws after them when
    /// <paramref name="failure"/> is given; <paramref name="read"/> counts the rows made and <paramref name="closed"/>
    /// is set when the source's enumerator is disposed.</summary>
    private static IEnumerable<RawRow> Rows(int count, Exception? failure, StrongBox<int> read, StrongBox<bool> closed)
    {
        try
        {
            for (int i = 1; i <= count; i++)
            {
                read.Value = i;
                yield return new RawRow(i, [new RawCell(i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            }
            if (failure is not null) throw failure;
        }
        finally
        {
            closed.Value = true;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(10_001)]
    public void EveryRowArrivesInOrder(int count)
    {
        var rows = RowPrefetch.Of(Rows(count, null, new(), new())).ToList();

        Assert.Equal(Enumerable.Range(1, count), rows.Select(r => r.Number));
        Assert.Equal(Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Cells[0].Text));
    }

    [Fact]
    public void AFailureOfTheSourceComesAfterTheRowsBeforeIt()
    {
        var damaged = new WorkbookUnreadableException(ProblemKind.UnreadableFile, "part xl/worksheets/sheet1.xml is damaged");
        var seen = new List<int>();

        var thrown = Assert.Throws<WorkbookUnreadableException>(() =>
        {
            foreach (var row in RowPrefetch.Of(Rows(1_000, damaged, new(), new()))) seen.Add(row.Number);
        });

        Assert.Same(damaged, thrown);
        Assert.Equal(Enumerable.Range(1, 1_000), seen);
    }

    [Fact]
    public void StoppingEarlyStopsTheReading()
    {
        var read = new StrongBox<int>();
        var closed = new StrongBox<bool>();

        var first = RowPrefetch.Of(Rows(1_000_000, null, read, closed)).Take(10).ToList();

        Assert.Equal(Enumerable.Range(1, 10), first.Select(r => r.Number));
        // Closed before the rows' enumerator returned, having read at most the batches that fit ahead and one more.
        Assert.True(closed.Value);
        int atStop = read.Value;
        Assert.InRange(atStop, 10, 18 * 256);
        Thread.Sleep(50);
        Assert.Equal(atStop, read.Value);
    }
}

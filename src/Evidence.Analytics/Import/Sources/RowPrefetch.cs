using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Evidence.Analytics.Import;

/// <summary>Reads a sheet's rows ahead on another thread, so that decompressing and parsing the sheet's XML runs beside
/// the sheet parser's checks of the rows already read (a 100,000-study workbook's import takes about half the time on
/// two cores).</summary>
/// <remarks>The rows arrive in the order the source gives them, and a failure of the source (a damaged part) is thrown
/// where the source threw it, after the rows read before it: the import sees what reading the rows in line would give.
/// The source is read by one thread at a time, and not at all once the rows are no longer enumerated: stopping early
/// stops the reading and waits for it, and the sheet's merged ranges and duplicate cells are complete once the rows are.</remarks>
internal static class RowPrefetch
{
    /// <summary>Rows handed over at a time: few enough hand-overs to cost nothing beside the rows' parsing.</summary>
    private const int BatchRows = 256;

    /// <summary>Batches read ahead at most, which bounds the memory held by rows not yet parsed.</summary>
    private const int BatchesAhead = 16;

    public static IEnumerable<RawRow> Of(IEnumerable<RawRow> rows)
    {
        using var batches = new BlockingCollection<RawRow[]>(BatchesAhead);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = Task.Run(() =>
        {
            var batch = new List<RawRow>(BatchRows);
            try
            {
                try
                {
                    foreach (var row in rows)
                    {
                        batch.Add(row);
                        if (batch.Count < BatchRows) continue;
                        batches.Add([.. batch], stop.Token);
                        batch.Clear();
                    }
                }
                catch (Exception e) when (!(e is OperationCanceledException && stop.IsCancellationRequested))
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                // The rows read before the end or the failure.
                if (batch.Count > 0) batches.Add([.. batch], stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The rows are no longer wanted.
            }
            finally
            {
                batches.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var row in batch) yield return row;
            }
        }
        finally
        {
            stop.Cancel();
            reader.Wait();
        }
        failure?.Throw();
    }
}

using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>Relevant records found against records screened, for a screening order, with the random and optimal orders
/// to compare it with (ASReview Insights' recall plot).</summary>
public sealed partial class RecallCurve
{
    /// <summary>Builds the curve of labels in screening order (true relevant).</summary>
    /// <exception cref="ArgumentException">No label is relevant.</exception>
    public RecallCurve(IEnumerable<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var found = ImmutableArray.CreateBuilder<int>();
        int count = 0;
        foreach (bool label in labels)
        {
            if (label) count++;
            found.Add(count);
        }
        if (count == 0) throw new ArgumentException("A recall curve needs at least one relevant record.", nameof(labels));
        Found = found.ToImmutable();
        Relevant = count;
    }

    /// <summary>The records on the curve.</summary>
    public int Records => Found.Length;

    /// <summary>The relevant records among them.</summary>
    public int Relevant { get; }

    /// <summary>Relevant records found after screening i + 1 records.</summary>
    public ImmutableArray<int> Found { get; }

    /// <summary>Recall after screening i + 1 records.</summary>
    public double RecallAfter(int screened) => screened <= 0 ? 0 : Found[Math.Min(screened, Records) - 1] / (double)Relevant;

    /// <summary>What a random order is expected to have found after screening i + 1 records (Insights' rounded line).</summary>
    public double RandomFound(int index) => ScreeningMetrics.RandomFound(index, Records, Relevant);

    /// <summary>What the best possible order has found after screening i + 1 records: min(i + 1, relevant).</summary>
    public int OptimalFound(int index) => Math.Min(index + 1, Relevant);
}

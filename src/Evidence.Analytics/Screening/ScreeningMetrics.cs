using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>When a relevant record was found: its id and its 1-based position in the screening order.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="Position">How many records had been screened when it was found (itself included).</param>
public readonly partial record struct Discovery(string RecordId, int Position);

/// <summary>The metrics of a screening order, as ASReview and ASReview Insights define them. Each takes the labels in
/// screening order (true relevant), with the prior knowledge left out and the records never screened counted as
/// irrelevant at the end (Insights' <c>get_simulation_labels</c>).</summary>
/// <remarks>N records, P relevant. Recall at a fraction t of the records screened is the share of relevant records found
/// among the first ⌊t·N⌋ (Insights reads it off the curve x = i/N, taking the last point at or before t). Work saved
/// over sampling at recall r is (when a random order finds the ⌈rP⌉-th relevant record − when this order finds it) ÷ N,
/// the random order finding round(P·i/(N−1)) by the (i+1)-th record (rounding half to even, as numpy). Extra relevant
/// found at t is (found − found by the random order) ÷ P. Loss and NDCG are <c>asreview.metrics</c>'.</remarks>
public static class ScreeningMetrics
{
    /// <summary>Recall after screening a fraction of the records (Insights' <c>recall</c>).</summary>
    public static double Recall(IReadOnlyList<bool> labels, double fraction)
    {
        var (n, p) = Counts(labels);
        int i = SearchRight(n, k => (k + 1) / (double)n, fraction);
        return i == 0 ? 0 : Found(labels, i) / (double)p;
    }

    /// <summary>Work saved over sampling at a recall (Insights' <c>wss</c>; 0.95 for WSS@95).</summary>
    public static double WorkSaved(IReadOnlyList<bool> labels, double recall)
    {
        var (target, screened, randomScreened) = WorkSavedPoints(labels, recall);
        return target == 0 ? 0 : (randomScreened - screened) / (double)labels.Count;
    }

    /// <summary>Where <see cref="WorkSaved"/> measures: the relevant record that reaches the recall (1-based; 0 when none
    /// is needed), the records the order has screened when it finds it, and the records a random order has screened.</summary>
    internal static (int Target, int Screened, int RandomScreened) WorkSavedPoints(IReadOnlyList<bool> labels, double recall)
    {
        var (n, p) = Counts(labels);
        int target = SearchRight(p, k => (k + 1) / (double)p, recall); // the target-th relevant record
        if (target == 0) return (0, 0, 0);
        int found = 0, whenFound = -1;
        for (int k = 0; k < n; k++)
        {
            if (labels[k] && ++found == target) { whenFound = k; break; }
        }
        int whenRandom = 0;
        while (whenRandom < n && RandomFound(whenRandom, n, p) < target) whenRandom++;
        return (target, whenFound + 1, whenRandom + 1);
    }

    /// <summary>Extra relevant found after screening a fraction of the records, over a random order (Insights' <c>erf</c>).</summary>
    public static double ExtraRelevantFound(IReadOnlyList<bool> labels, double fraction)
    {
        var (n, p) = Counts(labels);
        int i = SearchRight(n, k => (k + 1) / (double)n, fraction);
        return i == 0 ? 0 : (Found(labels, i) - RandomFound(i - 1, n, p)) / p;
    }

    /// <summary>The loss: 0 when every relevant record comes first, 1 when every one comes last (<c>asreview.metrics.loss</c>).</summary>
    /// <exception cref="ArgumentException">The labels are all relevant or all irrelevant.</exception>
    public static double Loss(IReadOnlyList<bool> labels)
    {
        var (n, p) = Counts(labels);
        if (p == n) throw new ArgumentException("The loss needs both relevant and irrelevant records.", nameof(labels));
        double cumulative = 0;
        int found = 0;
        foreach (bool label in labels)
        {
            if (label) found++;
            cumulative += found;
        }
        return (p * (n - (p - 1) / 2.0) - cumulative) / ((double)p * (n - p));
    }

    /// <summary>Normalised discounted cumulative gain of the order (<c>asreview.metrics.ndcg</c>).</summary>
    public static double Ndcg(IReadOnlyList<bool> labels)
    {
        var (_, p) = Counts(labels);
        double dcg = 0, ideal = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i]) dcg += 1 / Math.Log2(i + 2);
            if (i < p) ideal += 1 / Math.Log2(i + 2);
        }
        return dcg / ideal;
    }

    /// <summary>Each relevant record with its position in the screening order (Insights' <c>td</c>).</summary>
    public static ImmutableArray<Discovery> TimeToDiscovery(IReadOnlyList<string> recordIds, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        ArgumentNullException.ThrowIfNull(labels);
        if (recordIds.Count != labels.Count) throw new ArgumentException("There must be one record id per label.", nameof(recordIds));
        return [.. Enumerable.Range(0, labels.Count).Where(i => labels[i]).Select(i => new Discovery(recordIds[i], i + 1))];
    }

    /// <summary>The average time to discovery: the mean position of the relevant records (Insights' <c>atd</c>).</summary>
    public static double AverageTimeToDiscovery(IReadOnlyList<Discovery> discoveries)
    {
        ArgumentNullException.ThrowIfNull(discoveries);
        if (discoveries.Count == 0) throw new ArgumentException("There are no relevant records.", nameof(discoveries));
        return discoveries.Average(d => (double)d.Position);
    }

    /// <summary>How many relevant records a random order has found by the (i+1)-th record: numpy's
    /// <c>round(linspace(0, P, N))[i]</c>, half to even.</summary>
    internal static double RandomFound(int i, int n, int p)
    {
        if (n == 1) return 0;
        double value = i == n - 1 ? p : i * (p / (double)(n - 1));
        return Math.Round(value, MidpointRounding.ToEven);
    }

    private static int Found(IReadOnlyList<bool> labels, int first)
    {
        int found = 0;
        for (int k = 0; k < first; k++) if (labels[k]) found++;
        return found;
    }

    /// <summary>numpy's <c>searchsorted(x, value, "right")</c> on x = (1..count)/count: the points at or below the value.</summary>
    private static int SearchRight(int count, Func<int, double> x, double value)
    {
        int low = 0, high = count;
        while (low < high)
        {
            int mid = (low + high) / 2;
            if (x(mid) <= value) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static (int N, int P) Counts(IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int p = labels.Count(l => l);
        if (p == 0) throw new ArgumentException("The metrics need at least one relevant record.", nameof(labels));
        return (labels.Count, p);
    }
}

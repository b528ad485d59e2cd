namespace Evidence.Analytics;

/// <summary>Combines a study's several findings in one outcome domain into the single direction vote counting needs.</summary>
/// <remarks>
/// <para>The rule (Thomson &amp; Thomas 2013, revised by Hilton Boon &amp; Thomson 2021; GUIDE.md §2): if at least
/// <c>threshold</c> (by default 70%) of the findings whose direction is reported share one direction (improved, no
/// difference or worsened), the study has that direction; otherwise it is <see cref="Direction.Mixed"/> (◄►). Findings
/// coded Mixed count in the denominator but never form a majority of their own, so they pull a study towards Mixed.
/// A study whose findings are all "not reported" is <see cref="Direction.NotReported"/>.</para>
/// <para>Two of three findings (67%) is therefore Mixed under the default threshold. The threshold must exceed ½ so
/// that two directions can never both reach it.</para>
/// </remarks>
public static class WithinStudyDirection
{
    /// <summary>The default share of findings that must agree: 0.7.</summary>
    public const double DefaultThreshold = 0.7;

    /// <summary>The single direction of a study's findings in one domain.</summary>
    /// <param name="directions">The directions of the findings.</param>
    /// <param name="threshold">The share that must agree, in (½, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside (½, 1].</exception>
    public static Direction Combine(IEnumerable<Direction> directions, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(directions);
        Span<int> counts = stackalloc int[DirectionCount];
        foreach (var direction in directions) counts[(int)direction]++;
        return Combine(DirectionCounts.From(counts), threshold);
    }

    /// <summary>The single direction of findings with these counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside (½, 1].</exception>
    public static Direction Combine(DirectionCounts findings, double threshold = DefaultThreshold)
    {
        CheckThreshold(threshold);
        return Resolve(findings.Improved, findings.NoDifference, findings.Worsened, findings.Reported, threshold);
    }

    internal const int DirectionCount = 5;

    internal static void CheckThreshold(double threshold)
    {
        if (!(threshold > 0.5 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The within-study agreement threshold must be above 0.5 and at most 1 (default 0.7).");
    }

    /// <summary>The rule on raw counts; the hot path of maps and shares (no validation).</summary>
    internal static Direction Resolve(int improved, int noDifference, int worsened, int reported, double threshold)
    {
        if (reported == 0) return Direction.NotReported;
        // Compare counts, not ratios, so 7 of 10 meets 0.7 exactly despite binary floating point.
        double needed = threshold * reported - 1e-9;
        if (improved >= needed) return Direction.Improved;
        if (noDifference >= needed) return Direction.NoDifference;
        if (worsened >= needed) return Direction.Worsened;
        return Direction.Mixed;
    }
}

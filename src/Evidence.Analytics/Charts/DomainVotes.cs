using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>Each outcome domain's vote count, from the statistics layer's <see cref="Share"/>: the studies' combined
/// directions (by <see cref="WithinStudyDirection"/>), the counts and the sign test. The effect direction plot and the
/// harvest plot both draw from it, so a chart never disagrees with the numbers the library reports.</summary>
internal sealed class DomainVotes
{
    private DomainVotes(ImmutableArray<(OutcomeDomain Domain, Share Share)> domains)
    {
        Domains = domains;
        // Built on first lookup: the harvest plot and the aggregated effect direction plot read the shares only.
        _directions = new(() => domains
            .SelectMany(d => d.Share.Studies.Select(s => (Key: (s.StudyId, d.Domain.Name), s.Direction)))
            .ToDictionary(p => p.Key, p => p.Direction, new KeyComparer()));
    }

    private readonly Lazy<Dictionary<(string Study, string Domain), Direction>> _directions;

    /// <summary>The domains with at least one finding, in vocabulary order, each with its share improved (a domain measured
    /// only by qualitative studies that do not vote is listed with an empty share).</summary>
    public ImmutableArray<(OutcomeDomain Domain, Share Share)> Domains { get; }

    /// <param name="evidence">The evidence base.</param>
    /// <param name="threshold">The within-study agreement threshold.</param>
    /// <param name="includeQualitative">Whether qualitative studies vote (otherwise each share counts them beside).</param>
    public static DomainVotes Of(EvidenceBase evidence, double threshold, bool includeQualitative)
    {
        var domains = evidence.Findings.Select(f => f.Domain).Distinct().Order()
            .Select(d => (d, evidence.Share(outcome: d, withinStudyThreshold: threshold, includeQualitative: includeQualitative)));
        return new DomainVotes([.. domains]);
    }

    /// <summary>A study's combined direction in a domain, or null when it has no finding there.</summary>
    public Direction? DirectionOf(string studyId, OutcomeDomain domain) =>
        _directions.Value.TryGetValue((studyId, domain.Name), out var direction) ? direction : null;

    private sealed class KeyComparer : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}

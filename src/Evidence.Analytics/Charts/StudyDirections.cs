namespace Evidence.Analytics;

/// <summary>One study's overall direction of effect on one outcome domain, summarised from its findings.</summary>
internal sealed record StudyDirection(Study Study, OutcomeDomain Domain, Direction Direction, int Findings);

/// <summary>Summarises each study's findings per outcome domain into one direction, the unit an effect direction plot
/// and a harvest plot draw.</summary>
internal static class StudyDirections
{
    /// <summary>The within-study rule (Thomson &amp; Thomas 2013, as applied by Hilton Boon &amp; Thomson 2021): when a
    /// study reports several outcomes in a domain and at least <paramref name="threshold"/> of those with a reported
    /// direction share it, that is the study's direction; otherwise the domain is "mixed". Findings with no reported
    /// direction are ignored; a study whose findings in a domain all lack a direction is <see cref="Direction.NotReported"/>.</summary>
    public static Direction Summarise(IEnumerable<Direction> directions, double threshold)
    {
        var reported = directions.Where(d => d != Direction.NotReported).ToList();
        if (reported.Count == 0) return Direction.NotReported;
        if (reported.Count == 1) return reported[0];
        foreach (var candidate in (Direction[])[Direction.Improved, Direction.Worsened, Direction.NoDifference])
        {
            if (reported.Count(d => d == candidate) >= threshold * reported.Count - 1e-9) return candidate;
        }
        return Direction.Mixed;
    }

    /// <summary>Every (study, domain) pair with findings, summarised, in study order then domain order.</summary>
    public static IReadOnlyList<StudyDirection> Of(EvidenceBase evidence, double threshold)
    {
        var result = new List<StudyDirection>();
        foreach (var study in evidence.Studies)
        {
            foreach (var group in evidence.FindingsOf(study).GroupBy(f => f.Domain).OrderBy(g => g.Key))
                result.Add(new StudyDirection(study, group.Key, Summarise(group.Select(f => f.Direction), threshold), group.Count()));
        }
        return result;
    }
}

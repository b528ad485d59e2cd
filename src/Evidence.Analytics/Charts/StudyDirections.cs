namespace Evidence.Analytics;

/// <summary>One study's overall direction of effect on one outcome domain, summarised from its findings.</summary>
internal sealed record StudyDomainDirection(Study Study, OutcomeDomain Domain, Direction Direction, int Findings);

/// <summary>Summarises each study's findings per outcome domain into one direction, the unit an effect direction plot
/// and a harvest plot draw.</summary>
internal static class StudyDirections
{
    /// <summary>The within-study rule, shared with vote counting (see <see cref="WithinStudyDirection"/>).</summary>
    public static Direction Summarise(IEnumerable<Direction> directions, double threshold) =>
        WithinStudyDirection.Combine(directions, threshold);

    /// <summary>Every (study, domain) pair with findings, summarised, in study order then domain order.</summary>
    public static IReadOnlyList<StudyDomainDirection> Of(EvidenceBase evidence, double threshold)
    {
        var result = new List<StudyDomainDirection>();
        foreach (var study in evidence.Studies)
        {
            foreach (var group in evidence.FindingsOf(study).GroupBy(f => f.Domain).OrderBy(g => g.Key))
                result.Add(new StudyDomainDirection(study, group.Key, Summarise(group.Select(f => f.Direction), threshold), group.Count()));
        }
        return result;
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Evidence.Analytics;

/// <summary>Vote counting, consistency rankings and typology summaries of an evidence base:
/// <c>evidence.Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection)</c>.</summary>
public static class EvidenceStatistics
{
    /// <summary>The share of studies reporting a direction of effect on an outcome, with a confidence interval, the
    /// counts in every direction and the sign test.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="design">Only studies in this design group; null for all.</param>
    /// <param name="outcome">Only findings in this domain; null pools all outcomes (each study still casts one vote).</param>
    /// <param name="direction">The direction counted in the numerator; by default improved.</param>
    /// <param name="method">The interval method; by default Wilson.</param>
    /// <param name="level">The confidence level; by default 0.95.</param>
    /// <param name="filter">A further filter, combined with <paramref name="design"/> and <paramref name="outcome"/>.</param>
    /// <param name="withinStudyThreshold">The share of a study's findings that must agree (<see cref="WithinStudyDirection"/>).</param>
    /// <param name="includeQualitative">Whether qualitative studies vote. By default they do not: vote counting by direction
    /// of effect is for quantitative effect estimates (SWiM; Cochrane Handbook ch. 12), so qualitative studies are counted
    /// beside the share (<see cref="Analytics.Share.Qualitative"/>). A design filter that names the qualitative design or
    /// design group includes them too.</param>
    /// <exception cref="ArgumentOutOfRangeException">The direction is <see cref="Direction.NotReported"/>, or the level or threshold is out of range.</exception>
    public static Share Share(this EvidenceBase evidence,
        DesignGroup? design = null,
        OutcomeDomain? outcome = null,
        Direction direction = Direction.Improved,
        IntervalMethod method = IntervalMethod.Wilson,
        double level = 0.95,
        EvidenceFilter? filter = null,
        double withinStudyThreshold = WithinStudyDirection.DefaultThreshold,
        bool includeQualitative = false)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (direction == Direction.NotReported)
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "A share counts a reported direction; studies not reporting one are outside the denominator.");
        Proportion.CheckLevel(level);
        WithinStudyDirection.CheckThreshold(withinStudyThreshold);
        filter ??= EvidenceFilter.All;
        var index = EvidenceIndex.For(evidence);
        bool qualitativeVote = includeQualitative || design == DesignGroup.Qualitative || NamesQualitative(filter);
        var (votes, beside) = filter == EvidenceFilter.All
            ? UnfilteredVotes.GetValue(evidence, static _ => new()).GetOrAdd((design, outcome, withinStudyThreshold, qualitativeVote), key => VotesOf(index, filter, key))
            : VotesOf(index, filter, (design, outcome, withinStudyThreshold, qualitativeVote));
        return new Share(outcome, design, filter, direction, method, level, withinStudyThreshold, votes, qualitativeVote, beside);
    }

    /// <summary>Outcome domains ranked by the share of studies reporting improvement (by default), lower confidence limit first.</summary>
    /// <remarks>On the scoping review's sample this puts social connection first, "the most reliable positive outcome".
    /// Qualitative studies vote only when <paramref name="includeQualitative"/> is true (see <see cref="Share"/>).</remarks>
    public static ConsistencyRanking RankOutcomes(this EvidenceBase evidence,
        DesignGroup? design = null,
        Direction direction = Direction.Improved,
        IntervalMethod method = IntervalMethod.Wilson,
        double level = 0.95,
        EvidenceFilter? filter = null,
        double withinStudyThreshold = WithinStudyDirection.DefaultThreshold,
        bool includeQualitative = false)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var domains = EvidenceIndex.For(evidence).Domains
            .Where(d => filter is null || filter.Outcomes.IsDefaultOrEmpty || filter.Outcomes.Contains(d));
        return new ConsistencyRanking(Dimension.OutcomeDomain,
            domains.Select(d => (d.Name, evidence.Share(design, d, direction, method, level, filter, withinStudyThreshold, includeQualitative))).ToList());
    }

    /// <summary>Intervention types ranked by the share of studies reporting improvement (by default) with findings about
    /// interventions of that type, on one outcome or on all outcomes pooled.</summary>
    /// <remarks>Qualitative studies vote only when <paramref name="includeQualitative"/> is true (see <see cref="Share"/>).</remarks>
    public static ConsistencyRanking RankInterventionTypes(this EvidenceBase evidence,
        OutcomeDomain? outcome = null,
        DesignGroup? design = null,
        Direction direction = Direction.Improved,
        IntervalMethod method = IntervalMethod.Wilson,
        double level = 0.95,
        EvidenceFilter? filter = null,
        double withinStudyThreshold = WithinStudyDirection.DefaultThreshold,
        bool includeQualitative = false)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        filter ??= EvidenceFilter.All;
        var types = EvidenceIndex.For(evidence).Types
            .Where(t => filter.InterventionTypes.IsDefaultOrEmpty || filter.InterventionTypes.Contains(t));
        return new ConsistencyRanking(Dimension.InterventionType,
            types.Select(t => (t.Name, evidence.Share(design, outcome, direction, method, level, filter with { InterventionTypes = [t] }, withinStudyThreshold, includeQualitative))).ToList());
    }

    /// <summary>Counts interventions and studies per Kimberlee typology level, with each intervention's level and reason.</summary>
    public static TypologySummary SummariseTypology(this EvidenceBase evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var entries = evidence.Interventions
            .Select(i => new TypologyEntry(i.Id, i.Name, i.Typology, evidence.StudiesOf(i).Length))
            .ToImmutableArray();
        var levels = Enum.GetValues<TypologyLevel>()
            .Select(level => new TypologyLevelCount(level,
                entries.Count(e => e.Classification.Level == level),
                evidence.Interventions.Where(i => i.Typology.Level == level)
                    .SelectMany(i => evidence.StudiesOf(i)).Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count()))
            .ToImmutableArray();
        return new TypologySummary(levels, entries);
    }

    /// <summary>Whether a filter asks for qualitative studies by name (their design or design group), which includes them in the vote.</summary>
    private static bool NamesQualitative(EvidenceFilter filter) =>
        (!filter.DesignGroups.IsDefaultOrEmpty && filter.DesignGroups.Contains(DesignGroup.Qualitative))
        || (!filter.Designs.IsDefaultOrEmpty && filter.Designs.Any(d => d.Group() == DesignGroup.Qualitative));

    /// <summary>Each evidence base's unfiltered vote counts already worked out, by design group, outcome domain,
    /// within-study threshold and whether qualitative studies vote, kept as long as the evidence base (which is
    /// immutable): a report's charts and workbook ask for the same shares several times (the share charts, the effect
    /// direction and harvest plots, the workbook's rankings).</summary>
    private static readonly ConditionalWeakTable<EvidenceBase, ConcurrentDictionary<(DesignGroup? Design, OutcomeDomain? Outcome, double Threshold, bool QualitativeVote),
        (ImmutableArray<StudyDirection> Votes, DirectionCounts Beside)>> UnfilteredVotes = [];

    private static (ImmutableArray<StudyDirection> Votes, DirectionCounts Beside) VotesOf(EvidenceIndex index, EvidenceFilter filter,
        (DesignGroup? Design, OutcomeDomain? Outcome, double Threshold, bool QualitativeVote) key)
    {
        var votes = Votes(index, new CompiledFilter(index, filter), key.Design, key.Outcome, key.Threshold, key.QualitativeVote, out var beside);
        return (votes, beside);
    }

    /// <summary>Each passing study's single direction over its findings that pass, in evidence-base order; qualitative
    /// studies that do not vote are counted by direction in <paramref name="beside"/> instead.</summary>
    private static ImmutableArray<StudyDirection> Votes(EvidenceIndex index, CompiledFilter filter, DesignGroup? design, OutcomeDomain? outcome, double threshold,
        bool qualitativeVote, out DirectionCounts beside)
    {
        beside = default;
        int domain = outcome is null ? -1 : index.DomainOrdinal(outcome);
        if (outcome is not null && domain < 0) return [];
        var votes = ImmutableArray.CreateBuilder<StudyDirection>();
        Span<int> counts = stackalloc int[WithinStudyDirection.DirectionCount];
        Span<int> qualitative = stackalloc int[WithinStudyDirection.DirectionCount];
        qualitative.Clear();
        for (int s = 0; s < index.Studies.Length; s++)
        {
            if (design is { } g && index.Group[s] != (byte)g) continue;
            int start = index.FindingStart[s], end = index.FindingStart[s + 1];
            if (start == end || !filter.StudyPasses(s)) continue;
            bool anyIntervention = !filter.FiltersInterventions;
            if (!anyIntervention)
            {
                foreach (int j in index.StudyInterventions[s]) anyIntervention |= filter.InterventionPasses(j);
                if (!anyIntervention) continue;
            }
            counts.Clear();
            int findings = 0;
            for (int f = start; f < end; f++)
            {
                int d = index.FindingDomain[f];
                if ((domain >= 0 && d != domain) || !filter.DomainPasses(d)) continue;
                int j = index.FindingIntervention[f];
                if (j >= 0 && !filter.InterventionPasses(j)) continue;
                counts[index.FindingDirection[f]]++;
                findings++;
            }
            if (findings == 0) continue;
            var direction = WithinStudyDirection.Resolve(counts[(int)Direction.Improved], counts[(int)Direction.NoDifference],
                counts[(int)Direction.Worsened], findings - counts[(int)Direction.NotReported], threshold);
            if (!qualitativeVote && index.Group[s] == (byte)DesignGroup.Qualitative) qualitative[(int)direction]++;
            else votes.Add(new StudyDirection(index.StudyIds[s], direction, findings));
        }
        beside = DirectionCounts.From(qualitative);
        return votes.ToImmutable();
    }
}

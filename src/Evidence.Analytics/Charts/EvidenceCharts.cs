using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The charts of an evidence base: one discoverable entry point, e.g. <c>evidence.InterventionTypeChart().SaveSvg("types.svg")</c>.</summary>
/// <remarks>Counts here are distinct studies (or interventions, for the typology), counted directly from the evidence base.</remarks>
public static class EvidenceCharts
{
    /// <summary>Studies per intervention type, most frequent first (the scoping review's 23/16/11/10/9/7).</summary>
    /// <remarks>Types are multi-label: a study counts once under each type its interventions have, so the bars add up
    /// to more than the number of studies; the chart's note says so.</remarks>
    public static BarChart InterventionTypeChart(this EvidenceBase evidence, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var counts = new Dictionary<InterventionType, int>();
        foreach (var study in evidence.Studies)
            foreach (var type in evidence.InterventionTypesOf(study))
                counts[type] = counts.GetValueOrDefault(type) + 1;
        var bars = counts.OrderBy(p => p.Key).Select(p => (p.Key.Name, new[] { p.Value }));
        int codes = counts.Values.Sum();
        return new BarChart("Intervention types", Studies(evidence.Studies.Length, "included"), "Studies", ["Studies"], bars, sort: true,
            Invariant($"A study counts once under each of its intervention types: {codes} type codes across {evidence.Studies.Length} studies."), options);
    }

    /// <summary>Studies per design group (RCT, qualitative, other).</summary>
    public static BarChart DesignGroupChart(this EvidenceBase evidence, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var bars = Enum.GetValues<DesignGroup>()
            .Select(g => (g.Label(), new[] { evidence.Studies.Count(s => s.DesignGroup == g) }));
        var others = evidence.Studies.Where(s => s.DesignGroup == DesignGroup.Other).GroupBy(s => s.Design)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => Invariant($"{g.Key.Label()} {g.Count()}")).ToList();
        string note = "Other: every design neither randomised nor qualitative" + (others.Count == 0 ? "." : " (" + string.Join(", ", others) + ").");
        return new BarChart("Study designs", Studies(evidence.Studies.Length, "included"), "Studies", ["Studies"], bars, sort: false, note, options);
    }

    /// <summary>Studies per intervention type, stacked by design group, most frequent type first.</summary>
    public static BarChart DesignsByInterventionTypeChart(this EvidenceBase evidence, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var groups = Enum.GetValues<DesignGroup>();
        var counts = new SortedDictionary<InterventionType, int[]>();
        foreach (var study in evidence.Studies)
        {
            foreach (var type in evidence.InterventionTypesOf(study))
            {
                if (!counts.TryGetValue(type, out var row)) counts[type] = row = new int[groups.Length];
                row[(int)study.DesignGroup]++;
            }
        }
        return new BarChart("Designs by intervention type", Studies(evidence.Studies.Length, "included"), "Studies",
            groups.Select(g => g.Label()), counts.Select(p => (p.Key.Name, p.Value)), sort: true,
            "A study counts once under each of its intervention types.", options);
    }

    /// <summary>Interventions per level of Kimberlee's (2015) social-prescribing typology, in level order.</summary>
    public static BarChart TypologyChart(this EvidenceBase evidence, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var bars = Enum.GetValues<TypologyLevel>()
            .Select(level => (level.Label(), new[] { evidence.Interventions.Count(i => i.Typology.Level == level) }));
        int coded = evidence.Interventions.Count(i => i.Typology.IsCoded);
        return new BarChart("Social prescribing typology levels (Kimberlee 2015)",
            Invariant($"{evidence.Interventions.Length} interventions"), "Interventions", ["Interventions"], bars, sort: false,
            "Levels derived from the coded attributes (link worker, needs assessment, follow-up, referral route)" + (coded == 0 ? "." : Invariant($"; {coded} coded explicitly by the reviewers.")), options);
    }

    /// <summary>The PRISMA flow diagram of a review: its flow counts, or (when it has none) only the included studies.</summary>
    public static PrismaFlowDiagram FlowDiagram(this EvidenceBase evidence, PrismaVariant variant = PrismaVariant.Prisma2020, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new PrismaFlowDiagram(evidence.Flow ?? new PrismaFlow(studiesIncluded: evidence.Studies.Length), variant, options);
    }

    /// <summary>The PRISMA flow diagram of a set of flow counts.</summary>
    public static PrismaFlowDiagram Diagram(this PrismaFlow flow, PrismaVariant variant = PrismaVariant.Prisma2020, ChartOptions? options = null) =>
        new(flow, variant, options);

    /// <summary>The effect direction plot of a review's findings: studies × outcome domains.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="threshold">The share of a study's outcomes in a domain that must agree for one arrow (the 70% rule).</param>
    /// <param name="options">Layout options.</param>
    /// <param name="includeQualitative">Whether qualitative studies are rows and vote in the summary row. By default they
    /// are not (vote counting is for quantitative effect estimates) and the plot reports them beside, per domain.</param>
    public static EffectDirectionPlot EffectDirectionPlot(this EvidenceBase evidence, double threshold = 0.7, ChartOptions? options = null, bool includeQualitative = false) =>
        new(evidence, threshold, options, includeQualitative);

    /// <summary>The harvest plot of a review's findings: outcome domains × direction, one bar per study.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="designWeights">Bar heights (1–5) per design, replacing <see cref="HarvestPlot.DefaultWeight"/> for the designs given.</param>
    /// <param name="threshold">The share of a study's outcomes in a domain that must agree (the 70% rule).</param>
    /// <param name="options">Layout options.</param>
    public static HarvestPlot HarvestPlot(this EvidenceBase evidence, IReadOnlyDictionary<StudyDesign, int>? designWeights = null, double threshold = 0.7, ChartOptions? options = null) =>
        new(evidence, designWeights, threshold, options);

    /// <summary>The evidence gap map of a review: intervention types × outcome domains, bubbles divided by design.</summary>
    /// <remarks>For other dimensions, filters or gap thresholds build the map first: <c>evidence.Map(...).Chart()</c>.</remarks>
    public static EvidenceGapMapChart GapMapChart(this EvidenceBase evidence, GapMapOptions? mapOptions = null, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new EvidenceGapMapChart(evidence.Map(), mapOptions, options);
    }

    /// <summary>The chart of an evidence map.</summary>
    public static EvidenceGapMapChart Chart(this EvidenceMap map, GapMapOptions? mapOptions = null, ChartOptions? options = null) =>
        new(map, mapOptions, options);

    /// <summary>Outcome domains ranked by the share of studies (of a design group) reporting improvement among those that
    /// reported a direction, each with its confidence interval: by default the share of RCTs.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="design">The design group counted, or null for all designs.</param>
    /// <param name="method">The interval method.</param>
    /// <param name="level">The confidence level.</param>
    /// <param name="options">Layout options.</param>
    /// <param name="includeQualitative">Whether qualitative studies vote when <paramref name="design"/> is null; by default
    /// they are reported beside the shares, in the chart's note.</param>
    public static ShareChart ShareChart(this EvidenceBase evidence, DesignGroup? design = DesignGroup.Rct,
        IntervalMethod method = IntervalMethod.Wilson, double level = 0.95, ChartOptions? options = null, bool includeQualitative = false)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new ShareChart(evidence.RankOutcomes(design, Direction.Improved, method, level, includeQualitative: includeQualitative), options);
    }

    /// <summary>The chart of a consistency ranking (outcomes or intervention types).</summary>
    public static ShareChart Chart(this ConsistencyRanking ranking, ChartOptions? options = null) => new(ranking, options);

    private static string Studies(int count, string what) => Invariant($"{count} {what} {(count == 1 ? "study" : "studies")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

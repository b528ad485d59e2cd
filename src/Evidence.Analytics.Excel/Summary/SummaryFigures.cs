using System.Globalization;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>A share of studies that reported improvement among those that reported a direction, as the workbook shows it.</summary>
internal sealed record ShareFigure(string Label, Share Share)
{
    public int Improved => Share.Improved;

    /// <summary>The denominator: the studies counted that reported a direction (not all that measured the outcome).</summary>
    public int Reporting => Share.Denominator;
    public double Proportion => Share.Proportion ?? 0;
    public double Lower => Share.Lower ?? 0;
    public double Upper => Share.Upper ?? 0;

    /// <summary>"45–94%".</summary>
    public string Interval => string.Create(CultureInfo.InvariantCulture, $"{Lower * 100:0}–{Upper * 100:0}%");
}

/// <summary>The numbers the summary workbook shows, worked out once from the evidence base with the library's evidence
/// maps (distinct-study counts) and shares (vote counting with Wilson intervals).</summary>
internal sealed class SummaryFigures
{
    /// <summary>How many gaps the Summary sheet lists by name.</summary>
    public const int GapsListed = 8;

    public SummaryFigures(EvidenceBase evidence, bool includeQualitative = false)
    {
        IncludeQualitative = includeQualitative;
        Map = evidence.Map(Dimension.InterventionType, Dimension.OutcomeDomain);
        DesignMap = evidence.Map(Dimension.InterventionType, Dimension.DesignGroup);
        StudiesByType = DesignMap.RowLabels.Select((label, i) => (label, DesignMap.RowTotals[i])).ToArray();
        StudiesByDesignGroup = Enum.GetValues<DesignGroup>()
            .Select(g => (GroupLabel(g), evidence.Studies.Count(s => s.DesignGroup == g))).ToArray();
        DesignsByGroup = Enum.GetValues<DesignGroup>().ToDictionary(g => g, g => (IReadOnlyList<(StudyDesign, int)>)
            [.. evidence.Studies.Where(s => s.DesignGroup == g).GroupBy(s => s.Design).Select(d => (d.Key, d.Count()))
                .OrderByDescending(p => p.Item2).ThenBy(p => p.Key)]);
        Ranking = evidence.RankOutcomes(includeQualitative: includeQualitative);
        ImprovedShares = Ranking.Entries.Select(e => new ShareFigure(e.Label, e.Share)).ToArray();
        RctShares = evidence.RankOutcomes(DesignGroup.Rct).Entries.Select(e => new ShareFigure(e.Label, e.Share)).ToArray();
    }

    /// <summary>Whether qualitative studies vote in the shares (false by default: they are reported beside).</summary>
    public bool IncludeQualitative { get; }

    /// <summary>The designs in each design group and their studies, most frequent first.</summary>
    private Dictionary<DesignGroup, IReadOnlyList<(StudyDesign Design, int Studies)>> DesignsByGroup { get; }

    /// <summary>A design group as the workbook names it: "RCT", "Qualitative", "Other designs" (never a bare "Other").</summary>
    public static string GroupLabel(DesignGroup group) => group == DesignGroup.Other ? "Other designs" : group.Label();

    /// <summary>The denominator of the all-designs shares as a header: "Quantitative studies that reported a direction".</summary>
    public string SharesDenominator => IncludeQualitative ? "Studies that reported a direction" : "Quantitative studies that reported a direction";

    /// <summary>What a design group holds, in words, with the designs found: for Other, "Every design neither randomised
    /// nor qualitative: quasi-experimental 3, cohort / pre-post 3, …"; for Qualitative, whether its studies vote.</summary>
    public string DesignGroupText(DesignGroup group)
    {
        string what = group switch
        {
            DesignGroup.Rct => "Randomised controlled trials",
            DesignGroup.Qualitative => IncludeQualitative ? "Qualitative studies, counted in the shares" : "Qualitative studies, reported beside the shares, not counted in them",
            _ => "Every design neither randomised nor qualitative",
        };
        var designs = DesignsByGroup[group];
        return designs.Count == 0 ? what + "." : what + ": " + string.Join(", ",
            designs.Select(d => string.Create(CultureInfo.InvariantCulture, $"{Lower(d.Design.Label())} {d.Studies}"))) + ".";
    }

    /// <summary>Intervention type × outcome domain, distinct studies per cell.</summary>
    public EvidenceMap Map { get; }

    /// <summary>Intervention type × design group, distinct studies per cell.</summary>
    public EvidenceMap DesignMap { get; }

    /// <summary>Distinct studies per intervention type (seeded types first, then added ones).</summary>
    public IReadOnlyList<(string Label, int Studies)> StudiesByType { get; }

    /// <summary>Studies per design group.</summary>
    public IReadOnlyList<(string Label, int Studies)> StudiesByDesignGroup { get; }

    /// <summary>Outcome domains ranked by the share of studies reporting improvement (lower confidence limit first).</summary>
    public ConsistencyRanking Ranking { get; }

    /// <summary>Per outcome domain with evidence, the share of the (quantitative, by default) studies that reported a
    /// direction on it that reported improvement, ranked; qualitative studies are reported beside.</summary>
    public IReadOnlyList<ShareFigure> ImprovedShares { get; }

    /// <summary>The same shares among RCTs only.</summary>
    public IReadOnlyList<ShareFigure> RctShares { get; }

    /// <summary>A headline in plain words that names its denominator: "7 of 9 RCTs that reported a direction of effect on
    /// social connection found improvement (78%, 95% CI 45–94%)."</summary>
    public static string Headline(ShareFigure share) => ShareWording.Headline(share.Share, Lower(share.Label));

    /// <summary>A gap in plain words: "No study of service navigation measured mother-infant bonding".</summary>
    public static string Describe(EvidenceGap gap) => gap.Kind.HasFlag(GapKind.Absolute)
        ? $"No study of {Lower(gap.Row)} interventions measured {Lower(gap.Column)}."
        : string.Create(CultureInfo.InvariantCulture,
            $"Only {gap.Studies} {(gap.Studies == 1 ? "study" : "studies")} of {Lower(gap.Row)} interventions measured {Lower(gap.Column)}{(gap.Kind.HasFlag(GapKind.NoRct) ? ", none of them an RCT" : "")}.");

    // Labels are sentence case ("Social connection"); inside a sentence they read in lower case, except acronyms.
    internal static string Lower(string label) => ShareWording.InSentence(label);
}

using System.Globalization;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>A share of studies reporting improvement, as the workbook shows it.</summary>
internal sealed record ShareFigure(string Label, Share Share)
{
    public int Improved => Share.Improved;
    public int Measured => Share.Denominator;
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

    public SummaryFigures(EvidenceBase evidence)
    {
        Map = evidence.Map(Dimension.InterventionType, Dimension.OutcomeDomain);
        DesignMap = evidence.Map(Dimension.InterventionType, Dimension.DesignGroup);
        StudiesByType = DesignMap.RowLabels.Select((label, i) => (label, DesignMap.RowTotals[i])).ToArray();
        StudiesByDesignGroup = Enum.GetValues<DesignGroup>()
            .Select(g => (g.Label(), evidence.Studies.Count(s => s.DesignGroup == g))).ToArray();
        Ranking = evidence.RankOutcomes();
        ImprovedShares = Ranking.Entries.Select(e => new ShareFigure(e.Label, e.Share)).ToArray();
        RctShares = evidence.RankOutcomes(DesignGroup.Rct).Entries.Select(e => new ShareFigure(e.Label, e.Share)).ToArray();
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

    /// <summary>Per outcome domain with evidence, the share of studies that measured it and reported improvement, ranked.</summary>
    public IReadOnlyList<ShareFigure> ImprovedShares { get; }

    /// <summary>The same shares among RCTs only.</summary>
    public IReadOnlyList<ShareFigure> RctShares { get; }

    /// <summary>A headline in plain words: "7 of 9 RCTs that measured social connection reported improvement (78%, 95% CI 45–94%)".</summary>
    public static string Headline(ShareFigure share)
    {
        int n = share.Measured;
        string who = share.Share.Design switch
        {
            DesignGroup.Rct => n == 1 ? "RCT" : "RCTs",
            DesignGroup.Qualitative => n == 1 ? "qualitative study" : "qualitative studies",
            DesignGroup.Other => n == 1 ? "study of another design" : "studies of other designs",
            _ => n == 1 ? "study" : "studies",
        };
        string level = (share.Share.Level * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{share.Improved} of {n} {who} that measured {Lower(share.Label)} reported improvement ({share.Proportion * 100:0}%, {level}% CI {share.Interval})");
    }

    /// <summary>A gap in plain words: "No study of service navigation measured mother-infant bonding".</summary>
    public static string Describe(EvidenceGap gap) => gap.Kind.HasFlag(GapKind.Absolute)
        ? $"No study of {Lower(gap.Row)} interventions measured {Lower(gap.Column)}."
        : string.Create(CultureInfo.InvariantCulture,
            $"Only {gap.Studies} {(gap.Studies == 1 ? "study" : "studies")} of {Lower(gap.Row)} interventions measured {Lower(gap.Column)}{(gap.Kind.HasFlag(GapKind.NoRct) ? ", none of them an RCT" : "")}.");

    // Labels are sentence case ("Social connection"); inside a sentence they read in lower case, except acronyms.
    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}

using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Which studies, interventions and findings a map or share looks at.</summary>
/// <remarks>
/// <para>An empty list means "no restriction". Build filters with <c>with</c>:
/// <c>EvidenceFilter.All with { DesignGroups = [DesignGroup.Rct], Countries = ["UK"] }</c>.</para>
/// <para>Study filters (design, design group, country, years, population timing, overall risk of bias) keep or drop whole studies; a study
/// with several countries passes if any matches. Intervention filters (intervention type, typology level, intervention
/// id) keep only the matching interventions: a study passes if it evaluates at least one, and only findings about those
/// interventions count (a finding that names no intervention counts for the study's matching ones). The outcome filter
/// keeps only findings in those domains, and a study passes only if it has one.</para>
/// <para>Immutable; equality compares the lists' contents.</para>
/// </remarks>
public sealed record EvidenceFilter
{
    /// <summary>The filter that keeps everything.</summary>
    public static EvidenceFilter All { get; } = new();

    /// <summary>Study designs to keep.</summary>
    public ImmutableArray<StudyDesign> Designs { get; init; } = [];

    /// <summary>Design groups to keep.</summary>
    public ImmutableArray<DesignGroup> DesignGroups { get; init; } = [];

    /// <summary>Countries to keep (ignoring case).</summary>
    public ImmutableArray<string> Countries { get; init; } = [];

    /// <summary>The earliest publication year to keep, or null.</summary>
    public int? FromYear { get; init; }

    /// <summary>The latest publication year to keep, or null.</summary>
    public int? ToYear { get; init; }

    /// <summary>Population timings to keep; a study whose timing is not reported fails a timing filter.</summary>
    public ImmutableArray<PopulationTiming> Timings { get; init; } = [];

    /// <summary>Overall risks of bias to keep (<see cref="EvidenceBase.OverallRiskOfBias"/>: the Studies sheet's, or else
    /// the Risk of bias sheet's overall judgement); a study with neither fails a risk-of-bias filter.</summary>
    public ImmutableArray<RiskOfBias> RisksOfBias { get; init; } = [];

    /// <summary>Intervention types to keep.</summary>
    public ImmutableArray<InterventionType> InterventionTypes { get; init; } = [];

    /// <summary>Typology levels to keep.</summary>
    public ImmutableArray<TypologyLevel> TypologyLevels { get; init; } = [];

    /// <summary>Interventions to keep, by id (ignoring case).</summary>
    public ImmutableArray<string> InterventionIds { get; init; } = [];

    /// <summary>Outcome domains to keep.</summary>
    public ImmutableArray<OutcomeDomain> Outcomes { get; init; } = [];

    /// <summary>Whether the filter keeps everything.</summary>
    public bool IsEmpty =>
        Designs.IsDefaultOrEmpty && DesignGroups.IsDefaultOrEmpty && Countries.IsDefaultOrEmpty && FromYear is null && ToYear is null
        && Timings.IsDefaultOrEmpty && RisksOfBias.IsDefaultOrEmpty && InterventionTypes.IsDefaultOrEmpty && TypologyLevels.IsDefaultOrEmpty
        && InterventionIds.IsDefaultOrEmpty && Outcomes.IsDefaultOrEmpty;

    internal bool FiltersInterventions =>
        !InterventionTypes.IsDefaultOrEmpty || !TypologyLevels.IsDefaultOrEmpty || !InterventionIds.IsDefaultOrEmpty;

    /// <inheritdoc />
    public bool Equals(EvidenceFilter? other) =>
        other is not null
        && Same(Designs, other.Designs) && Same(DesignGroups, other.DesignGroups)
        && Same(Countries, other.Countries, StringComparer.OrdinalIgnoreCase)
        && FromYear == other.FromYear && ToYear == other.ToYear
        && Same(Timings, other.Timings) && Same(RisksOfBias, other.RisksOfBias) && Same(InterventionTypes, other.InterventionTypes) && Same(TypologyLevels, other.TypologyLevels)
        && Same(InterventionIds, other.InterventionIds, StringComparer.OrdinalIgnoreCase) && Same(Outcomes, other.Outcomes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Designs.IsDefault ? 0 : Designs.Length, FromYear, ToYear, Countries.IsDefault ? 0 : Countries.Length);

    /// <summary>"design group RCT; country UK; years 2010–2020", or "all studies".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        Add(parts, "design", Designs, d => d.Label());
        Add(parts, "design group", DesignGroups, g => g.Label());
        Add(parts, "country", Countries, c => c);
        if (FromYear is not null || ToYear is not null)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"years {FromYear?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{ToYear?.ToString(CultureInfo.InvariantCulture) ?? "…"}"));
        Add(parts, "timing", Timings, t => t.Label());
        Add(parts, "risk of bias", RisksOfBias, r => r.Label());
        Add(parts, "intervention type", InterventionTypes, t => t.Name);
        Add(parts, "typology level", TypologyLevels, l => l.Label());
        Add(parts, "intervention", InterventionIds, i => i);
        Add(parts, "outcome", Outcomes, o => o.Name);
        return parts.Count == 0 ? "all studies" : string.Join("; ", parts);
    }

    private static void Add<T>(List<string> parts, string name, ImmutableArray<T> values, Func<T, string> label)
    {
        if (!values.IsDefaultOrEmpty) parts.Add($"{name} {string.Join(" or ", values.Select(label))}");
    }

    private static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b, IEqualityComparer<T>? comparer = null) =>
        (a.IsDefaultOrEmpty && b.IsDefaultOrEmpty) || (!a.IsDefault && !b.IsDefault && a.SequenceEqual(b, comparer));
}

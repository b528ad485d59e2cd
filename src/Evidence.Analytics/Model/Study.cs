using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>A primary study included in a review.</summary>
/// <remarks>A study can evaluate several interventions, and an intervention can be evaluated by several studies;
/// <see cref="InterventionIds"/> holds the study's side of that link.</remarks>
public sealed partial class Study
{
    /// <summary>Creates a study.</summary>
    /// <param name="id">The review's identifier for the study ("S01").</param>
    /// <param name="citation">The bibliographic reference.</param>
    /// <param name="design">The study design.</param>
    /// <param name="countries">The countries the study was conducted in.</param>
    /// <param name="interventionIds">The interventions (programmes) the study evaluates.</param>
    /// <param name="timing">When in the perinatal period the population is, if reported.</param>
    /// <param name="monthsAfterBirth">For postnatal populations, the latest month after birth included, if reported.</param>
    /// <param name="sampleSize">The number of participants analysed, if reported.</param>
    /// <param name="publicationType">The kind of document, if coded.</param>
    /// <param name="riskOfBias">The overall risk-of-bias judgement, if appraised.</param>
    /// <exception cref="ArgumentException">The id is blank, or a count is negative.</exception>
    public Study(
        string id,
        Citation citation,
        StudyDesign design,
        IEnumerable<string>? countries = null,
        IEnumerable<string>? interventionIds = null,
        PopulationTiming? timing = null,
        int? monthsAfterBirth = null,
        int? sampleSize = null,
        PublicationType? publicationType = null,
        RiskOfBias? riskOfBias = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(citation);
        if (monthsAfterBirth is < 0) throw new ArgumentOutOfRangeException(nameof(monthsAfterBirth), monthsAfterBirth, "Months after birth cannot be negative.");
        if (sampleSize is < 0) throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "A sample size cannot be negative.");
        Id = id.Trim();
        Citation = citation;
        Design = design;
        Countries = Distinct(countries);
        InterventionIds = Distinct(interventionIds);
        Timing = timing;
        MonthsAfterBirth = monthsAfterBirth;
        SampleSize = sampleSize;
        PublicationType = publicationType;
        RiskOfBias = riskOfBias;
    }

    /// <summary>The review's identifier for the study.</summary>
    public string Id { get; }

    /// <summary>The bibliographic reference.</summary>
    public Citation Citation { get; }

    /// <summary>The study design.</summary>
    public StudyDesign Design { get; }

    /// <summary>The design group the study is counted in (RCT / qualitative / other).</summary>
    public DesignGroup DesignGroup => Design.Group();

    /// <summary>The countries, in the order coded, without duplicates.</summary>
    public ImmutableArray<string> Countries { get; }

    /// <summary>The interventions the study evaluates, by id.</summary>
    public ImmutableArray<string> InterventionIds { get; }

    /// <summary>When in the perinatal period the population is, or null if not reported.</summary>
    public PopulationTiming? Timing { get; }

    /// <summary>For postnatal populations, the latest month after birth included, or null.</summary>
    public int? MonthsAfterBirth { get; }

    /// <summary>The number of participants analysed, or null.</summary>
    public int? SampleSize { get; }

    /// <summary>The kind of document the study is reported in, or null.</summary>
    public PublicationType? PublicationType { get; }

    /// <summary>The overall risk-of-bias judgement, or null.</summary>
    public RiskOfBias? RiskOfBias { get; }

    /// <summary>The id, short citation and design: "S01 Dennis et al. 2009 (RCT)".</summary>
    public override string ToString() => $"{Id} {Citation.ShortLabel} ({Design.Label()})";

    /// <summary>The values trimmed, without blanks, each once (ignoring case), in the order given.</summary>
    internal static ImmutableArray<string> Distinct(IEnumerable<string>? values)
    {
        if (values is null) return [];
        if (values is not IReadOnlyList<string> { Count: <= 8 } few)
            return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        // Most lists hold a value or two (a study's countries, its interventions): compared pairwise, without a hash set.
        var kept = ImmutableArray.CreateBuilder<string>(few.Count);
        foreach (string value in few)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            string trimmed = value.Trim();
            if (!Contains(kept, trimmed)) kept.Add(trimmed);
        }
        return kept.Count == few.Count ? kept.MoveToImmutable() : kept.ToImmutable();
    }

    private static bool Contains(ImmutableArray<string>.Builder kept, string value)
    {
        foreach (string k in kept)
        {
            if (string.Equals(k, value, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}

using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Vote counting by direction of effect: of the studies that reported a direction of effect on an outcome, how
/// many reported one direction (by default improvement), with a confidence interval and the sign test.</summary>
/// <remarks>
/// <para>The unit is the <b>study</b>, never the finding. A study with several findings in the outcome gets one direction by
/// the within-study rule (<see cref="WithinStudyDirection"/>: ≥ 70% agreeing, otherwise mixed). Studies whose direction is
/// not reported are counted in <see cref="NotReported"/> and left out of <see cref="Denominator"/>; studies with no
/// difference or mixed results stay in it.</para>
/// <para>Qualitative studies do not vote unless asked for (<see cref="IncludesQualitative"/>): vote counting by direction
/// of effect is for quantitative effect estimates (SWiM; Cochrane Handbook ch. 12). Those that measured the outcome are
/// counted by direction in <see cref="Qualitative"/>, to be reported beside the share ("plus 6 qualitative studies
/// describing improvement"), never in it.</para>
/// <para>The sign test compares <see cref="Improved"/> with <see cref="Worsened"/> only (Cochrane Handbook ch. 12), so its n
/// can be smaller than the denominator. Vote counting says in how many studies an effect went one way, not how large
/// it was; and it must never be based on statistical significance.</para>
/// <para>Immutable. Build one with <see cref="EvidenceStatistics.Share"/>.</para>
/// </remarks>
public sealed partial class Share
{
    internal Share(OutcomeDomain? outcome, DesignGroup? design, EvidenceFilter filter, Direction direction, IntervalMethod method,
        double level, double withinStudyThreshold, ImmutableArray<StudyDirection> studies, bool includesQualitative, DirectionCounts qualitative)
    {
        IncludesQualitative = includesQualitative;
        Qualitative = qualitative;
        Outcome = outcome;
        Design = design;
        Filter = filter;
        Direction = direction;
        Method = method;
        Level = level;
        WithinStudyThreshold = withinStudyThreshold;
        Studies = studies;
        Span<int> counts = stackalloc int[WithinStudyDirection.DirectionCount];
        foreach (var study in studies) counts[(int)study.Direction]++;
        Counts = DirectionCounts.From(counts);
        Numerator = Counts[direction];
        Denominator = Counts.Reported;
        Interval = Denominator == 0 ? null : Analytics.Proportion.Compute(Numerator, Denominator, method, level);
        SignTestP = SignTest.TwoSidedP(Counts.Improved, Counts.Worsened);
    }

    /// <summary>The outcome domain, or null for all outcomes pooled.</summary>
    public OutcomeDomain? Outcome { get; }

    /// <summary>The design group, or null for all designs.</summary>
    public DesignGroup? Design { get; }

    /// <summary>The further filter applied.</summary>
    public EvidenceFilter Filter { get; }

    /// <summary>The direction counted in the numerator.</summary>
    public Direction Direction { get; }

    /// <summary>The studies with <see cref="Direction"/>.</summary>
    public int Numerator { get; }

    /// <summary>The studies counted that reported a direction (improved + no difference + worsened + mixed): the
    /// denominator is "studies that reported a direction", not "studies that measured the outcome" (<see cref="Measured"/>).</summary>
    public int Denominator { get; }

    /// <summary>Whether qualitative studies vote: true when asked for, or when the design or filter names the qualitative
    /// design group or design; false by default.</summary>
    public bool IncludesQualitative { get; }

    /// <summary>The qualitative studies that measured the outcome but do not vote, by the direction they describe; reported
    /// beside the share, never in it. All zero when <see cref="IncludesQualitative"/> is true or the design excludes them.</summary>
    public DirectionCounts Qualitative { get; }

    /// <summary>Every study that measured the outcome (passing the design and filter): the studies counted, including those
    /// that did not report a direction, and the qualitative studies reported beside.</summary>
    public int Measured => Counts.Total + Qualitative.Total;

    /// <summary>Numerator / denominator, or null when no study reported a direction.</summary>
    public double? Proportion => Interval?.Estimate;

    /// <summary>The lower confidence limit, or null when the denominator is 0.</summary>
    public double? Lower => Interval?.Lower;

    /// <summary>The upper confidence limit, or null when the denominator is 0.</summary>
    public double? Upper => Interval?.Upper;

    /// <summary>The proportion with its interval, or null when the denominator is 0.</summary>
    public Proportion? Interval { get; }

    /// <summary>The interval method.</summary>
    public IntervalMethod Method { get; }

    /// <summary>The confidence level.</summary>
    public double Level { get; }

    /// <summary>The studies in each direction.</summary>
    public DirectionCounts Counts { get; }

    /// <summary>Studies whose findings improved.</summary>
    public int Improved => Counts.Improved;

    /// <summary>Studies with no difference.</summary>
    public int NoDifference => Counts.NoDifference;

    /// <summary>Studies whose findings worsened.</summary>
    public int Worsened => Counts.Worsened;

    /// <summary>Studies with mixed or conflicting findings.</summary>
    public int Mixed => Counts.Mixed;

    /// <summary>Studies that measured the outcome without reporting a direction (outside the denominator).</summary>
    public int NotReported => Counts.NotReported;

    /// <summary>The exact two-sided sign-test P value, improved against worsened (<see cref="SignTest"/>).</summary>
    public double SignTestP { get; }

    /// <summary>The within-study agreement threshold used to give each study one direction.</summary>
    public double WithinStudyThreshold { get; }

    /// <summary>Each study's combined direction, in evidence-base order.</summary>
    public ImmutableArray<StudyDirection> Studies { get; }

    /// <summary>What was counted: "RCTs, Social connection", "quantitative designs, Social connection" (qualitative
    /// studies reported beside) or "all designs, all outcomes; country UK" (qualitative studies included).</summary>
    public string Description
    {
        get
        {
            var groups = Design is { } g ? [g] : Filter.DesignGroups.IsDefaultOrEmpty ? [] : Filter.DesignGroups;
            string designs = groups.Length > 0
                ? string.Join(" and ", groups.Select(group => group == DesignGroup.Rct ? "RCTs" : group.Label() + " studies"))
                : !Filter.Designs.IsDefaultOrEmpty ? string.Join(" and ", Filter.Designs.Select(d => d.Label()))
                : IncludesQualitative ? "all designs" : "quantitative designs";
            var rest = Filter with { DesignGroups = [], Designs = [] };
            return $"{designs}, {Outcome?.Name ?? "all outcomes"}{(rest.IsEmpty ? "" : "; " + rest)}";
        }
    }

    /// <summary>"RCTs, Social connection: improved in 13 of 15 studies that reported a direction = 0.867 (95% CI 0.621 to
    /// 0.963, Wilson); …; sign test P = 0.0074", then the qualitative studies reported beside, if any.</summary>
    public override string ToString()
    {
        string share = Interval is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{Direction.Label().ToLowerInvariant()} in {Numerator} of {Denominator} studies that reported a direction = {p.Estimate:0.000} ({Level * 100:0.##}% CI {p.Lower:0.000} to {p.Upper:0.000}, {Method.Label()})")
            : "no study reported a direction";
        string beside = ShareWording.QualitativeBeside(Qualitative);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Description}: {share}; {Counts}; sign test {PValues.Statement(SignTestP)}{(beside.Length == 0 ? "" : "; " + beside)}");
    }
}

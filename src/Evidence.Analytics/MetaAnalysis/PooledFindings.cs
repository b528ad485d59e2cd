using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Evidence.Analytics;

/// <summary>A random-effects meta-analysis of the findings on one outcome domain for one intervention type, all on one
/// effect metric (and, for mean differences, one outcome measure): one estimate per study.</summary>
public sealed partial class PooledFindings
{
    internal PooledFindings(OutcomeDomain domain, InterventionType interventionType, string? outcomeMeasure,
        ImmutableArray<Finding> findings, ImmutableArray<Study> studies, MetaAnalysis analysis)
    {
        Domain = domain;
        InterventionType = interventionType;
        OutcomeMeasure = outcomeMeasure;
        Findings = findings;
        Studies = studies;
        Analysis = analysis;
    }

    /// <summary>The outcome domain.</summary>
    public OutcomeDomain Domain { get; }

    /// <summary>The intervention type.</summary>
    public InterventionType InterventionType { get; }

    /// <summary>The outcome measure (instrument) the findings share, for mean differences, which are on its scale; null
    /// for the scale-free metrics.</summary>
    public string? OutcomeMeasure { get; }

    /// <summary>The pooled findings, one per study, in the order of <see cref="Studies"/>.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>The studies, in the evidence base's order.</summary>
    public ImmutableArray<Study> Studies { get; }

    /// <summary>The meta-analysis, with studies in the order of <see cref="Studies"/>.</summary>
    public MetaAnalysis Analysis { get; }

    /// <summary>How many of the studies are randomised controlled trials.</summary>
    public int RctCount => Studies.Count(s => s.DesignGroup == DesignGroup.Rct);

    /// <summary>The plain-language headline: "Mental health, Peer support: pooled standardised mean difference −0.30 (95% CI
    /// −0.45 to −0.15) across 3 studies (2 RCTs); prediction interval −0.52 to −0.08; I² 12%".</summary>
    public string Headline
    {
        get
        {
            var m = Analysis;
            string N(double value) => MetaAnalysisText.Natural(m.Measure, value);
            string measure = m.Measure.Label().ToLowerInvariant() + (OutcomeMeasure is null ? "" : $" ({OutcomeMeasure})");
            string text = string.Create(CultureInfo.InvariantCulture,
                $"{Domain.Name}, {InterventionType.Name}: pooled {measure} {N(m.Estimate)} ({m.Options.Level:0%} CI {N(m.Lower)} to {N(m.Upper)}) across {Studies.Length} studies ({RctCount} {(RctCount == 1 ? "RCT" : "RCTs")})");
            if (m.PredictionLower is { } pl && m.PredictionUpper is { } pu)
                text += $"; prediction interval {N(pl)} to {N(pu)}";
            return text + string.Create(CultureInfo.InvariantCulture, $"; I² {m.Heterogeneity.ISquared:0}%");
        }
    }

    /// <summary>The <see cref="Headline"/>.</summary>
    public override string ToString() => Headline;
}

/// <summary>The findings of a review pooled by outcome domain and intervention type, with notes on every estimate or
/// study left out and why.</summary>
public sealed partial class FindingsMetaAnalysis
{
    internal FindingsMetaAnalysis(ImmutableArray<PooledFindings> pools, ImmutableArray<string> notes)
    {
        Pools = pools;
        Notes = notes;
    }

    /// <summary>The pooled cells, by outcome domain, then intervention type, then metric.</summary>
    public ImmutableArray<PooledFindings> Pools { get; }

    /// <summary>Why estimates or studies were left out of a pool ("S05: 2 MD estimates (EPDS) on Mental health for Peer
    /// support; left out of that pool, as its estimates are not independent"): finding by finding, then pool by pool.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>"2 pooled analyses; 3 notes".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pools.Length} pooled analyses; {Notes.Length} notes");
}

/// <summary>Pools a review's findings that carry effect estimates.</summary>
public static class FindingsPooling
{
    /// <summary>The metrics pooled from findings: those whose reported estimate and confidence interval
    /// <see cref="EffectSize.FromEstimate"/> converts (ratios are logged).</summary>
    public static ImmutableArray<EffectMeasure> PooledMetrics { get; } =
    [
        EffectMeasure.LogRiskRatio, EffectMeasure.LogOddsRatio, EffectMeasure.RiskDifference,
        EffectMeasure.StandardisedMeanDifference, EffectMeasure.MeanDifference,
    ];

    /// <summary>Pools the findings with effect estimates per outcome domain × intervention type × metric wherever at
    /// least 2 studies qualify, with a random-effects model (REML and the z test unless <paramref name="options"/> say otherwise).</summary>
    /// <remarks>
    /// <para>A finding qualifies when its estimate is on one of <see cref="PooledMetrics"/> and has a confidence interval
    /// (taken as 95%) or a standard error; the interval is used when both are given. A finding counts for every type of the interventions it is about. Mean differences are pooled only
    /// within one outcome measure (instrument), as they are on its scale.</para>
    /// <para>One estimate per study: a study with several qualifying findings in a pool (several instruments, or several
    /// interventions of the type) is left out of that pool and named in <see cref="FindingsMetaAnalysis.Notes"/>, since
    /// its estimates are not independent and averaging them would need their correlation. A pool whose model does not
    /// converge is not reported as a number; the note says so.</para>
    /// <para>Under the default options the pools are worked out once per evidence base and the same result returned after.</para>
    /// </remarks>
    public static FindingsMetaAnalysis PoolFindings(this EvidenceBase evidence, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return options is null ? DefaultPools.GetValue(evidence, e => Pool(e, null)) : Pool(evidence, options);
    }

    /// <summary>Each evidence base's pools under the default options, worked out on first use and kept as long as the
    /// evidence base (which is immutable): a report pools once for its forest plots and its workbook's sheet.</summary>
    private static readonly ConditionalWeakTable<EvidenceBase, FindingsMetaAnalysis> DefaultPools = [];

    private static FindingsMetaAnalysis Pool(EvidenceBase evidence, MetaAnalysisOptions? options)
    {
        var notes = new List<string>();
        var cells = new Dictionary<(OutcomeDomain Domain, InterventionType Type, EffectMeasure Measure, string? Outcome), List<(Study Study, Finding Finding, EffectSize Size)>>();
        var studyOrder = evidence.Studies.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.OrdinalIgnoreCase);
        foreach (var finding in evidence.Findings)
        {
            if (finding.Estimate is not { } estimate) continue;
            var measure = EffectMeasures.FromCode(estimate.Metric);
            if (measure is not { } m || !PooledMetrics.Contains(m))
            {
                notes.Add($"{finding.StudyId}: the {estimate.Metric} estimate on {finding.Domain.Name} is not pooled (pooled metrics: {string.Join(", ", PooledMetrics.Select(p => p.Code()))}).");
                continue;
            }
            if ((estimate.Lower is null || estimate.Upper is null) && estimate.StandardError is null)
            {
                notes.Add($"{finding.StudyId}: the {estimate.Metric} estimate on {finding.Domain.Name} has no confidence interval or standard error, so it is not pooled.");
                continue;
            }
            EffectSize size;
            try
            {
                size = EffectSize.FromEstimate(estimate);
            }
            catch (ArgumentException e)
            {
                notes.Add($"{finding.StudyId}: the {estimate.Metric} estimate on {finding.Domain.Name} is not pooled: {e.Message.Split(" (Parameter")[0]}");
                continue;
            }
            var study = evidence.Study(finding.StudyId);
            string? outcome = m == EffectMeasure.MeanDifference ? finding.Measure ?? "measure not coded" : null;
            foreach (var type in evidence.InterventionsOf(finding).SelectMany(i => i.Types).Distinct())
            {
                var key = (finding.Domain, type, m, outcome);
                if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                list.Add((study, finding, size));
            }
        }

        var pools = new List<PooledFindings>();
        foreach (var (key, entries) in cells.OrderBy(c => c.Key.Domain).ThenBy(c => c.Key.Type).ThenBy(c => c.Key.Measure)
                     .ThenBy(c => c.Key.Outcome, StringComparer.OrdinalIgnoreCase))
        {
            string what = $"{key.Measure.Code()}{(key.Outcome is null ? "" : $" ({key.Outcome})")} on {key.Domain.Name} for {key.Type.Name}";
            var single = new List<(Study Study, Finding Finding, EffectSize Size)>();
            foreach (var group in entries.GroupBy(e => e.Study.Id, StringComparer.OrdinalIgnoreCase).OrderBy(g => studyOrder[g.Key]))
            {
                int count = group.Count();
                if (count == 1) single.Add(group.First());
                else notes.Add($"{group.Key}: {count} {what} estimates; left out of that pool, as they are not independent (code one per study to pool it).");
            }
            if (single.Count < 2) continue;
            try
            {
                var analysis = MetaAnalysis.Fit(single.Select(e => e.Size), options);
                pools.Add(new PooledFindings(key.Domain, key.Type, key.Outcome, [.. single.Select(e => e.Finding)], [.. single.Select(e => e.Study)], analysis));
            }
            catch (MetaAnalysisException e)
            {
                notes.Add($"{what}: not pooled: {e.Message}");
            }
        }
        return new FindingsMetaAnalysis([.. pools], [.. notes]);
    }
}

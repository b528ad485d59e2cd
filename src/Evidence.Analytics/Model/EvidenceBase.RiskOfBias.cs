using System.Collections.Immutable;

namespace Evidence.Analytics;

public sealed partial class EvidenceBase
{
    /// <summary>The risk-of-bias assessments, one per study and tool, in the order given (empty when the review has none).</summary>
    public ImmutableArray<RiskOfBiasAssessment> RiskOfBiasAssessments { get; }

    /// <summary>The tools the review's assessments use, in order of first use.</summary>
    public IReadOnlyList<RiskOfBiasTool> RiskOfBiasTools => [.. RiskOfBiasAssessments.Select(a => a.Tool).Distinct()];

    /// <summary>A study's overall risk of bias: the Studies sheet's judgement, or else the overall judgement of its
    /// assessments (which must agree), or null when neither gives one.</summary>
    public RiskOfBias? OverallRiskOfBias(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.RiskOfBias is { } given) return given;
        if (RiskOfBiasAssessments.IsEmpty) return null;
        return RiskOfBiasAssessments
            .Where(a => string.Equals(a.StudyId, study.Id, StringComparison.OrdinalIgnoreCase) && a.Overall is not null)
            .Select(a => a.Overall!.Value.Overall())
            .FirstOrDefault(r => r is not null);
    }

    private void CheckRiskOfBias()
    {
        var seen = new HashSet<(string, RiskOfBiasTool)>();
        var overallOf = new Dictionary<string, RiskOfBiasAssessment>(StringComparer.OrdinalIgnoreCase);
        foreach (var assessment in RiskOfBiasAssessments)
        {
            if (!_studies.TryGetValue(assessment.StudyId, out var study))
                throw new ArgumentException($"A risk-of-bias assessment names study '{assessment.StudyId}', which is not in the evidence base.", "riskOfBias");
            if (!seen.Add((study.Id.ToUpperInvariant(), assessment.Tool)))
                throw new ArgumentException($"Study {study.Id} is assessed twice with {assessment.Tool.Name}.", "riskOfBias");
            if (assessment.Overall is not { } overall) continue;
            if (study.RiskOfBias is { } given && overall.Overall() != given)
                throw new ArgumentException($"Study {study.Id}'s overall {assessment.Tool.Name} judgement '{overall.Label()}' disagrees with its overall risk of bias '{given.Label()}'.", "riskOfBias");
            if (overallOf.TryGetValue(study.Id, out var other) && other.Overall!.Value.Overall() != overall.Overall())
                throw new ArgumentException($"Study {study.Id}'s overall judgements disagree: {other.Tool.Name} '{other.Overall!.Value.Label()}', {assessment.Tool.Name} '{overall.Label()}'.", "riskOfBias");
            overallOf.TryAdd(study.Id, assessment);
        }
    }
}

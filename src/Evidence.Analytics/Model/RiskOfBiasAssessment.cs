using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>One study's risk-of-bias assessment with one tool: a judgement per domain, an overall judgement and an
/// optional weight (for a weighted summary plot).</summary>
public sealed partial class RiskOfBiasAssessment
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="studyId">The study assessed (Studies sheet).</param>
    /// <param name="tool">The tool used.</param>
    /// <param name="judgements">One judgement per domain of the tool, in the tool's order.</param>
    /// <param name="overall">The overall judgement, or null when the review gives none.</param>
    /// <param name="weight">The study's weight in a weighted summary plot (e.g. its meta-analysis weight), or null.</param>
    /// <exception cref="ArgumentException">The study id is blank; the judgements are not one per domain; a judgement is
    /// not one the tool accepts; the weight is negative or not a number.</exception>
    public RiskOfBiasAssessment(string studyId, RiskOfBiasTool tool, IEnumerable<RiskOfBiasJudgement> judgements,
        RiskOfBiasJudgement? overall = null, double? weight = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyId);
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(judgements);
        ImmutableArray<RiskOfBiasJudgement> list = [.. judgements];
        if (list.Length != tool.Domains.Length)
            throw new ArgumentException($"{tool.Name} has {tool.Domains.Length} domains, but {list.Length} judgements were given.", nameof(judgements));
        for (int i = 0; i < list.Length; i++)
        {
            if (!tool.Judgements.Values.Contains(list[i]))
                throw new ArgumentException($"'{list[i].Label()}' is not a {tool.Name} judgement ({tool.Domains[i].Code}); expected one of: {string.Join("; ", tool.Judgements.Accepted)}.", nameof(judgements));
        }
        if (overall is { } o && (!tool.Judgements.Values.Contains(o) || o == RiskOfBiasJudgement.NotApplicable))
            throw new ArgumentException($"'{o.Label()}' is not a {tool.Name} overall judgement.", nameof(overall));
        if (weight is { } w && !(w >= 0 && double.IsFinite(w)))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A weight must be a finite number, zero or more.");
        StudyId = studyId.Trim();
        Tool = tool;
        Judgements = list;
        Overall = overall;
        Weight = weight;
    }

    /// <summary>The study assessed.</summary>
    public string StudyId { get; }

    /// <summary>The tool used.</summary>
    public RiskOfBiasTool Tool { get; }

    /// <summary>One judgement per domain of <see cref="Tool"/>, in its order.</summary>
    public ImmutableArray<RiskOfBiasJudgement> Judgements { get; }

    /// <summary>The overall judgement, or null.</summary>
    public RiskOfBiasJudgement? Overall { get; }

    /// <summary>The study's weight in a weighted summary, or null.</summary>
    public double? Weight { get; }

    /// <summary>The judgement on a domain of the tool.</summary>
    /// <exception cref="ArgumentException">The domain is not one of the tool's.</exception>
    public RiskOfBiasJudgement JudgementOf(RiskOfBiasDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        int index = Tool.Domains.Select(d => d.Code).ToList().FindIndex(c => string.Equals(c, domain.Code, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? Judgements[index] : throw new ArgumentException($"{domain.Code} is not a domain of {Tool.Name}.", nameof(domain));
    }

    /// <summary>"S01 RoB 2: Low, Low, Some concerns, Low, Low; overall Some concerns".</summary>
    public override string ToString() =>
        $"{StudyId} {Tool.Name}: {string.Join(", ", Judgements.Select(j => j.Label()))}" + (Overall is { } o ? $"; overall {o.Label()}" : "");
}

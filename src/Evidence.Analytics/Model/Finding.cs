namespace Evidence.Analytics;

/// <summary>One outcome result: what a study found for an intervention on an outcome domain, coded by direction of effect.</summary>
public sealed partial class Finding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="studyId">The study that reports it.</param>
    /// <param name="interventionId">The intervention it is about; null when the study evaluates one intervention or the finding is about all of them.</param>
    /// <param name="domain">The outcome domain.</param>
    /// <param name="direction">The direction of effect.</param>
    /// <param name="measure">The outcome measure or instrument ("EPDS", "UCLA Loneliness Scale"), if coded.</param>
    /// <param name="estimate">The effect estimate, if reported.</param>
    /// <exception cref="ArgumentException">The study id is blank.</exception>
    public Finding(string studyId, string? interventionId, OutcomeDomain domain, Direction direction, string? measure = null, EffectEstimate? estimate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyId);
        ArgumentNullException.ThrowIfNull(domain);
        StudyId = studyId.Trim();
        InterventionId = string.IsNullOrWhiteSpace(interventionId) ? null : interventionId.Trim();
        Domain = domain;
        Direction = direction;
        Measure = string.IsNullOrWhiteSpace(measure) ? null : measure.Trim();
        Estimate = estimate;
    }

    /// <summary>The study that reports the finding.</summary>
    public string StudyId { get; }

    /// <summary>The intervention the finding is about, or null for all the study's interventions.</summary>
    public string? InterventionId { get; }

    /// <summary>The outcome domain.</summary>
    public OutcomeDomain Domain { get; }

    /// <summary>The outcome measure or instrument, or null.</summary>
    public string? Measure { get; }

    /// <summary>The direction of effect.</summary>
    public Direction Direction { get; }

    /// <summary>The effect estimate, or null.</summary>
    public EffectEstimate? Estimate { get; }

    /// <summary>"S01 · Social connection (UCLA Loneliness): Improved".</summary>
    public override string ToString() =>
        $"{StudyId}{(InterventionId is null ? "" : "/" + InterventionId)} · {Domain}{(Measure is null ? "" : $" ({Measure})")}: {Direction.Label()}";
}

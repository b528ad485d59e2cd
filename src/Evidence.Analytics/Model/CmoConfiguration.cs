using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>A realist context–mechanism–outcome configuration (CMOC): in context C, mechanism M fires and produces outcome O.</summary>
/// <remarks>The programmes behind a configuration follow from its supporting studies (each study evaluates its
/// programmes), so they are not stored here.</remarks>
public sealed partial class CmoConfiguration
{
    /// <summary>Creates a configuration.</summary>
    /// <param name="id">The review's identifier ("TU1").</param>
    /// <param name="family">What it explains (take-up, positive impact, negative impact, …).</param>
    /// <param name="context">The context (C).</param>
    /// <param name="mechanism">The mechanism (M).</param>
    /// <param name="outcome">The outcome (O).</param>
    /// <param name="supportingStudyIds">The studies whose evidence supports it.</param>
    /// <param name="themes">Theme tags ("empathetic understanding", "use of volunteers").</param>
    /// <param name="strength">A note on the strength of support, if any.</param>
    /// <exception cref="ArgumentException">The id, context, mechanism or outcome is blank.</exception>
    public CmoConfiguration(
        string id,
        ConfigurationFamily family,
        string context,
        string mechanism,
        string outcome,
        IEnumerable<string>? supportingStudyIds = null,
        IEnumerable<string>? themes = null,
        string? strength = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(family);
        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(mechanism);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        Id = id.Trim();
        Family = family;
        Context = context.Trim();
        Mechanism = mechanism.Trim();
        Outcome = outcome.Trim();
        SupportingStudyIds = Study.Distinct(supportingStudyIds);
        Themes = Study.Distinct(themes);
        Strength = string.IsNullOrWhiteSpace(strength) ? null : strength.Trim();
    }

    /// <summary>The review's identifier.</summary>
    public string Id { get; }

    /// <summary>What the configuration explains.</summary>
    public ConfigurationFamily Family { get; }

    /// <summary>The context (C).</summary>
    public string Context { get; }

    /// <summary>The mechanism (M).</summary>
    public string Mechanism { get; }

    /// <summary>The outcome (O).</summary>
    public string Outcome { get; }

    /// <summary>The supporting studies, by id.</summary>
    public ImmutableArray<string> SupportingStudyIds { get; }

    /// <summary>Theme tags.</summary>
    public ImmutableArray<string> Themes { get; }

    /// <summary>A note on the strength of support, or null.</summary>
    public string? Strength { get; }

    /// <summary>"TU1 (Take-up): C → M → O".</summary>
    public override string ToString() => $"{Id} ({Family}): {Context} → {Mechanism} → {Outcome}";
}

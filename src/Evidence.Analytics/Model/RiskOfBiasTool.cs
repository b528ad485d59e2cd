using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>One domain of a risk-of-bias tool: its short code, shown as a column of the traffic-light plot, and its
/// name, shown in the plot's caption.</summary>
public sealed class RiskOfBiasDomain
{
    internal RiskOfBiasDomain(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>The short code: "D1", "D1b".</summary>
    public string Code { get; }

    /// <summary>What the domain judges: "Bias arising from the randomization process".</summary>
    public string Name { get; }

    /// <summary>"D1: Bias arising from the randomization process".</summary>
    public override string ToString() => $"{Code}: {Name}";
}

/// <summary>A risk-of-bias assessment tool: its domains, in order, and the judgements it accepts.</summary>
/// <remarks>
/// <para>The built-in tools follow their published guidance and robvis's templates (McGuinness &amp; Higgins 2021):
/// <see cref="Rob2"/>, <see cref="Rob2Cluster"/>, <see cref="RobinsI"/>, <see cref="RobinsIV2"/>, <see cref="RobinsE"/>,
/// <see cref="Quadas2"/>. Any other tool (the first Cochrane tool, JBI checklists) is <see cref="Generic"/>, with the
/// domains the review names.</para>
/// <para>Two tools are the same tool when their names are (ignoring case).</para>
/// </remarks>
public sealed partial class RiskOfBiasTool : IEquatable<RiskOfBiasTool>
{
    private RiskOfBiasTool(string name, bool isGeneric, IEnumerable<RiskOfBiasDomain> domains, Vocabulary<RiskOfBiasJudgement> judgements)
    {
        Name = name;
        IsGeneric = isGeneric;
        Domains = [.. domains];
        Judgements = judgements;
    }

    private static RiskOfBiasTool BuiltIn(string name, Vocabulary<RiskOfBiasJudgement> judgements, params string[] domains) =>
        new(name, false, domains.Select((d, i) => new RiskOfBiasDomain($"D{i + 1}", d)), judgements);

    /// <summary>The tool's name: "RoB 2", "ROBINS-I", or the name a review gives a generic tool.</summary>
    public string Name { get; }

    /// <summary>Whether the tool is not built in: its domains are the ones the review names.</summary>
    public bool IsGeneric { get; }

    /// <summary>The domains, in the tool's order.</summary>
    public ImmutableArray<RiskOfBiasDomain> Domains { get; }

    /// <summary>The judgements the tool accepts, with their spellings.</summary>
    public Vocabulary<RiskOfBiasJudgement> Judgements { get; }

    /// <summary>The revised Cochrane risk-of-bias tool for randomized trials (Sterne et al. 2019): 5 domains.</summary>
    public static RiskOfBiasTool Rob2 { get; } = BuiltIn("RoB 2", RiskOfBiasJudgements.Rob2,
        "Bias arising from the randomization process",
        "Bias due to deviations from intended intervention",
        "Bias due to missing outcome data",
        "Bias in measurement of the outcome",
        "Bias in selection of the reported result");

    /// <summary>RoB 2 for cluster-randomized trials: domains D1, D1b, D2–D5.</summary>
    public static RiskOfBiasTool Rob2Cluster { get; } = new("RoB 2 cluster", false,
    [
        new("D1", "Bias arising from the randomization process"),
        new("D1b", "Bias arising from the timing of identification and recruitment of individual participants in relation to timing of randomization"),
        new("D2", "Bias due to deviations from intended intervention"),
        new("D3", "Bias due to missing outcome data"),
        new("D4", "Bias in measurement of the outcome"),
        new("D5", "Bias in selection of the reported result"),
    ], RiskOfBiasJudgements.Rob2Cluster);

    /// <summary>ROBINS-I (Sterne et al. 2016), risk of bias in non-randomized studies of interventions: 7 domains.</summary>
    public static RiskOfBiasTool RobinsI { get; } = BuiltIn("ROBINS-I", RiskOfBiasJudgements.RobinsI,
        "Bias due to confounding",
        "Bias due to selection of participants",
        "Bias in classification of interventions",
        "Bias due to deviations from intended interventions",
        "Bias due to missing data",
        "Bias in measurement of outcomes",
        "Bias in selection of the reported result");

    /// <summary>ROBINS-I version 2 (November 2024): 7 domains, classification of interventions now D2 and selection of
    /// participants D3 (robvis issue #156).</summary>
    public static RiskOfBiasTool RobinsIV2 { get; } = BuiltIn("ROBINS-I V2", RiskOfBiasJudgements.RobinsI,
        "Bias due to confounding",
        "Bias in classification of interventions",
        "Bias in selection of participants into the study (or into the analysis)",
        "Bias due to deviations from intended interventions",
        "Bias due to missing data",
        "Bias arising from measurement of the outcome",
        "Bias in selection of the reported result");

    /// <summary>ROBINS-E (2023), risk of bias in non-randomized studies of exposures: 7 domains.</summary>
    public static RiskOfBiasTool RobinsE { get; } = BuiltIn("ROBINS-E", RiskOfBiasJudgements.RobinsE,
        "Bias due to confounding",
        "Bias arising from measurement of the exposure",
        "Bias in selection of participants into the study (or into the analysis)",
        "Bias due to post-exposure interventions",
        "Bias due to missing data",
        "Bias arising from measurement of the outcome",
        "Bias in selection of the reported result");

    /// <summary>QUADAS-2 (Whiting et al. 2011), diagnostic accuracy studies: 4 risk-of-bias domains.</summary>
    public static RiskOfBiasTool Quadas2 { get; } = BuiltIn("QUADAS-2", RiskOfBiasJudgements.Quadas2,
        "Patient selection",
        "Index test",
        "Reference standard",
        "Flow & timing");

    /// <summary>The built-in tools, in the order the README lists them.</summary>
    public static ImmutableArray<RiskOfBiasTool> BuiltInTools { get; } = [Rob2, Rob2Cluster, RobinsI, RobinsIV2, RobinsE, Quadas2];

    /// <summary>The built-in tool a name means ("rob2", "QUADAS 2"; spellings as <see cref="Vocabularies.RiskOfBiasTool"/>
    /// accepts them), or null when it names none.</summary>
    public static RiskOfBiasTool? BuiltInNamed(string? name) =>
        Vocabularies.RiskOfBiasTool.TryParse(name, out string label) ? BuiltInTools.First(t => t.Name == label) : null;

    /// <summary>A tool that is not built in, with the domains a review names (coded D1, D2, … in order).</summary>
    /// <param name="name">The tool's name ("RoB 1", "JBI checklist"); not a built-in tool's name or spelling.</param>
    /// <param name="domains">The domains' names, in order; at least one, none repeated.</param>
    /// <remarks>Its judgements are <see cref="RiskOfBiasJudgements.Generic"/>.</remarks>
    /// <exception cref="ArgumentException">The name is blank or a built-in tool's, or a domain name is blank or repeated.</exception>
    public static RiskOfBiasTool Generic(string name, IEnumerable<string> domains)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(domains);
        if (BuiltInNamed(name) is { } builtIn)
            throw new ArgumentException($"'{name}' is the built-in tool {builtIn.Name}, whose domains are fixed.", nameof(name));
        var names = domains.Select(d => d?.Trim() ?? "").ToList();
        if (names.Count == 0) throw new ArgumentException("A risk-of-bias tool needs at least one domain.", nameof(domains));
        if (names.Any(string.IsNullOrEmpty)) throw new ArgumentException("A domain name is blank.", nameof(domains));
        if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"The domain '{twice.Key}' is named twice.", nameof(domains));
        return new RiskOfBiasTool(name.Trim(), true, names.Select((d, i) => new RiskOfBiasDomain($"D{i + 1}", d)), RiskOfBiasJudgements.Generic);
    }

    /// <summary>The domain with a code ("D1b"), ignoring case, or null.</summary>
    public RiskOfBiasDomain? Domain(string code) =>
        Domains.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public bool Equals(RiskOfBiasTool? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RiskOfBiasTool);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>"RoB 2 (5 domains)".</summary>
    public override string ToString() => $"{Name} ({Domains.Length} domains)";
}

namespace Evidence.Analytics;

/// <summary>A risk-of-bias judgement on one domain of an assessment tool, or on the whole study: each tool accepts its own
/// set (<see cref="RiskOfBiasJudgements"/>).</summary>
/// <remarks>The judgements fall into five levels drawn alike in every tool (<see cref="RiskOfBiasJudgements.LevelOf"/>):
/// low; some concerns, unclear or moderate; high or serious; very high or critical; no information.</remarks>
public enum RiskOfBiasJudgement
{
    /// <summary>Low risk of bias (every tool).</summary>
    Low,
    /// <summary>Some concerns (RoB 2, ROBINS-E, QUADAS-2, generic tools).</summary>
    SomeConcerns,
    /// <summary>Unclear risk of bias (generic tools, such as the first Cochrane tool).</summary>
    Unclear,
    /// <summary>Moderate risk of bias (ROBINS-I, generic tools).</summary>
    Moderate,
    /// <summary>High risk of bias (RoB 2, ROBINS-E, QUADAS-2, generic tools).</summary>
    High,
    /// <summary>Serious risk of bias (ROBINS-I).</summary>
    Serious,
    /// <summary>Very high risk of bias (ROBINS-E).</summary>
    VeryHigh,
    /// <summary>Critical risk of bias (ROBINS-I, generic tools).</summary>
    Critical,
    /// <summary>No information on which to base a judgement (every tool).</summary>
    NoInformation,
    /// <summary>The domain does not apply to the study (RoB 2 for cluster trials' D1b, generic tools).</summary>
    NotApplicable,
}

/// <summary>The five levels risk-of-bias judgements are drawn and counted at, whatever the tool's words for them.</summary>
public enum RiskOfBiasLevel
{
    /// <summary>Low.</summary>
    Low,
    /// <summary>Some concerns, unclear or moderate.</summary>
    Concerns,
    /// <summary>High or serious.</summary>
    High,
    /// <summary>Very high or critical.</summary>
    Critical,
    /// <summary>No information.</summary>
    NoInformation,
    /// <summary>Not applicable.</summary>
    NotApplicable,
}

/// <summary>The judgements of each risk-of-bias tool, with the spellings each accepts.</summary>
/// <remarks>The spellings are those of the tools' own guidance and of robvis's templates (McGuinness &amp; Higgins 2021).
/// "NA" and "N/A" are blank markers in every cell, never "Not applicable": write it out. A single letter ("L", "H") is
/// not accepted: "S" could be "Some concerns" or "Serious".</remarks>
public static class RiskOfBiasJudgements
{
    private static readonly (RiskOfBiasJudgement Value, string Label, string[] Synonyms)[] Spellings =
    [
        (RiskOfBiasJudgement.Low, "Low", ["low risk", "low risk of bias"]),
        (RiskOfBiasJudgement.SomeConcerns, "Some concerns", ["some concern", "some concerns of bias"]),
        (RiskOfBiasJudgement.Unclear, "Unclear", ["unclear risk", "unclear risk of bias"]),
        (RiskOfBiasJudgement.Moderate, "Moderate", ["moderate risk", "moderate risk of bias"]),
        (RiskOfBiasJudgement.High, "High", ["high risk", "high risk of bias"]),
        (RiskOfBiasJudgement.Serious, "Serious", ["serious risk", "serious risk of bias"]),
        (RiskOfBiasJudgement.VeryHigh, "Very high", ["very high risk", "very high risk of bias"]),
        (RiskOfBiasJudgement.Critical, "Critical", ["critical risk", "critical risk of bias"]),
        (RiskOfBiasJudgement.NoInformation, "No information", ["ni", "no info"]),
        (RiskOfBiasJudgement.NotApplicable, "Not applicable", ["not relevant"]),
    ];

    private static Vocabulary<RiskOfBiasJudgement> Of(string tool, params RiskOfBiasJudgement[] judgements) =>
        new($"{tool} judgement", judgements.Select(j => Spellings[(int)j]));

    /// <summary>RoB 2: Low, Some concerns, High, No information.</summary>
    public static Vocabulary<RiskOfBiasJudgement> Rob2 { get; } = Of("RoB 2",
        RiskOfBiasJudgement.Low, RiskOfBiasJudgement.SomeConcerns, RiskOfBiasJudgement.High, RiskOfBiasJudgement.NoInformation);

    /// <summary>RoB 2 for cluster-randomized trials: as RoB 2, and Not applicable (for D1b when participants were
    /// recruited before randomization).</summary>
    public static Vocabulary<RiskOfBiasJudgement> Rob2Cluster { get; } = Of("RoB 2 cluster",
        RiskOfBiasJudgement.Low, RiskOfBiasJudgement.SomeConcerns, RiskOfBiasJudgement.High, RiskOfBiasJudgement.NoInformation, RiskOfBiasJudgement.NotApplicable);

    /// <summary>ROBINS-I (both versions): Low, Moderate, Serious, Critical, No information.</summary>
    public static Vocabulary<RiskOfBiasJudgement> RobinsI { get; } = Of("ROBINS-I",
        RiskOfBiasJudgement.Low, RiskOfBiasJudgement.Moderate, RiskOfBiasJudgement.Serious, RiskOfBiasJudgement.Critical, RiskOfBiasJudgement.NoInformation);

    /// <summary>ROBINS-E: Low, Some concerns, High, Very high, No information.</summary>
    public static Vocabulary<RiskOfBiasJudgement> RobinsE { get; } = Of("ROBINS-E",
        RiskOfBiasJudgement.Low, RiskOfBiasJudgement.SomeConcerns, RiskOfBiasJudgement.High, RiskOfBiasJudgement.VeryHigh, RiskOfBiasJudgement.NoInformation);

    /// <summary>QUADAS-2: Low, Some concerns, High, No information, as robvis draws it; QUADAS-2's own "Unclear" is read as
    /// Some concerns, its middle level.</summary>
    public static Vocabulary<RiskOfBiasJudgement> Quadas2 { get; } = new("QUADAS-2 judgement",
    [
        Spellings[(int)RiskOfBiasJudgement.Low],
        (RiskOfBiasJudgement.SomeConcerns, "Some concerns", ["some concern", "unclear", "unclear risk", "unclear risk of bias"]),
        Spellings[(int)RiskOfBiasJudgement.High],
        Spellings[(int)RiskOfBiasJudgement.NoInformation],
    ]);

    /// <summary>A generic tool (the first Cochrane tool, or any tool named on the sheet): Low, Some concerns, Unclear,
    /// Moderate, High, Critical, No information, Not applicable.</summary>
    public static Vocabulary<RiskOfBiasJudgement> Generic { get; } = Of("generic risk-of-bias",
        RiskOfBiasJudgement.Low, RiskOfBiasJudgement.SomeConcerns, RiskOfBiasJudgement.Unclear, RiskOfBiasJudgement.Moderate,
        RiskOfBiasJudgement.High, RiskOfBiasJudgement.Critical, RiskOfBiasJudgement.NoInformation, RiskOfBiasJudgement.NotApplicable);

    /// <summary>Every tool's judgements, in the order the README lists the tools.</summary>
    public static IReadOnlyList<Vocabulary<RiskOfBiasJudgement>> All { get; } = [Rob2, Rob2Cluster, RobinsI, RobinsE, Quadas2, Generic];

    /// <summary>The canonical label of a judgement ("Some concerns", "No information").</summary>
    public static string Label(this RiskOfBiasJudgement judgement) =>
        (int)judgement >= 0 && (int)judgement < Spellings.Length ? Spellings[(int)judgement].Label : throw new ArgumentOutOfRangeException(nameof(judgement), judgement, "Not a risk-of-bias judgement.");

    /// <summary>The level a judgement is drawn and counted at: Some concerns, Unclear and Moderate are one level; High and
    /// Serious another; Very high and Critical the most severe.</summary>
    public static RiskOfBiasLevel LevelOf(this RiskOfBiasJudgement judgement) => judgement switch
    {
        RiskOfBiasJudgement.Low => RiskOfBiasLevel.Low,
        RiskOfBiasJudgement.SomeConcerns or RiskOfBiasJudgement.Unclear or RiskOfBiasJudgement.Moderate => RiskOfBiasLevel.Concerns,
        RiskOfBiasJudgement.High or RiskOfBiasJudgement.Serious => RiskOfBiasLevel.High,
        RiskOfBiasJudgement.VeryHigh or RiskOfBiasJudgement.Critical => RiskOfBiasLevel.Critical,
        RiskOfBiasJudgement.NoInformation => RiskOfBiasLevel.NoInformation,
        RiskOfBiasJudgement.NotApplicable => RiskOfBiasLevel.NotApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(judgement), judgement, "Not a risk-of-bias judgement."),
    };

    /// <summary>The overall risk of bias of the Studies sheet's column that a tool's overall judgement amounts to: Low;
    /// Some concerns for some concerns, unclear or moderate; High for high, serious, very high or critical; null for no
    /// information or not applicable.</summary>
    public static RiskOfBias? Overall(this RiskOfBiasJudgement judgement) => judgement.LevelOf() switch
    {
        RiskOfBiasLevel.Low => RiskOfBias.Low,
        RiskOfBiasLevel.Concerns => RiskOfBias.SomeConcerns,
        RiskOfBiasLevel.High or RiskOfBiasLevel.Critical => RiskOfBias.High,
        _ => null,
    };
}

namespace Evidence.Analytics;

/// <summary>The effect-size measure of a meta-analysis, as metafor's <c>escalc</c> names them (code in brackets).</summary>
public enum EffectMeasure
{
    /// <summary>Log risk ratio of two groups' event counts (RR).</summary>
    LogRiskRatio,

    /// <summary>Log odds ratio of two groups' event counts (OR).</summary>
    LogOddsRatio,

    /// <summary>Risk difference of two groups' event counts (RD).</summary>
    RiskDifference,

    /// <summary>Standardised mean difference, Hedges' g with the exact small-sample correction (SMD).</summary>
    StandardisedMeanDifference,

    /// <summary>Raw mean difference (MD).</summary>
    MeanDifference,

    /// <summary>Fisher's z-transformed correlation (ZCOR).</summary>
    FisherZ,

    /// <summary>Logit-transformed proportion (PLO).</summary>
    LogitProportion,

    /// <summary>Raw proportion (PR).</summary>
    Proportion,

    /// <summary>A generic estimate given with its sampling variance (GEN).</summary>
    Generic,
}

/// <summary>Codes and scales of the effect measures.</summary>
public static class EffectMeasures
{
    private static readonly string[] Codes = ["RR", "OR", "RD", "SMD", "MD", "ZCOR", "PLO", "PR", "GEN"];

    /// <summary>metafor's code for the measure ("RR", "OR", "RD", "SMD", "MD", "ZCOR", "PLO", "PR", "GEN").</summary>
    public static string Code(this EffectMeasure measure) => Codes[(int)measure];

    /// <summary>The measure with metafor's code <paramref name="code"/> (case-insensitive), or null.</summary>
    public static EffectMeasure? FromCode(string code)
    {
        int index = Array.FindIndex(Codes, c => string.Equals(c, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (EffectMeasure)index;
    }

    /// <summary>The measure in words, on the scale readers see ("Risk ratio", "Standardised mean difference").</summary>
    public static string Label(this EffectMeasure measure) => measure switch
    {
        EffectMeasure.LogRiskRatio => "Risk ratio",
        EffectMeasure.LogOddsRatio => "Odds ratio",
        EffectMeasure.RiskDifference => "Risk difference",
        EffectMeasure.StandardisedMeanDifference => "Standardised mean difference",
        EffectMeasure.MeanDifference => "Mean difference",
        EffectMeasure.FisherZ => "Correlation",
        EffectMeasure.LogitProportion or EffectMeasure.Proportion => "Proportion",
        _ => "Effect",
    };

    /// <summary>Whether estimates are logarithms of ratios (RR, OR), shown back-transformed with exp.</summary>
    public static bool IsLogRatio(this EffectMeasure measure) => measure is EffectMeasure.LogRiskRatio or EffectMeasure.LogOddsRatio;

    /// <summary>An estimate on the scale readers use: exp for log ratios, tanh for Fisher's z, the inverse logit for logit
    /// proportions, unchanged otherwise.</summary>
    public static double ToNaturalScale(this EffectMeasure measure, double estimate) => measure switch
    {
        EffectMeasure.LogRiskRatio or EffectMeasure.LogOddsRatio => Math.Exp(estimate),
        EffectMeasure.FisherZ => Math.Tanh(estimate),
        EffectMeasure.LogitProportion => 1 / (1 + Math.Exp(-estimate)),
        _ => estimate,
    };

    /// <summary>The value that means no effect on the analysis scale: 0 for differences, log ratios, z and generic
    /// estimates; none (NaN) for proportions.</summary>
    public static double NoEffect(this EffectMeasure measure) => measure switch
    {
        EffectMeasure.LogitProportion or EffectMeasure.Proportion => double.NaN,
        _ => 0,
    };
}

namespace Evidence.Analytics;

/// <summary>How the between-study variance τ² is estimated (metafor's <c>method</c>; code in brackets).</summary>
public enum TauSquaredEstimator
{
    /// <summary>Equal effects (common effect, "fixed effect"): τ² = 0 (EE).</summary>
    EqualEffects,

    /// <summary>DerSimonian–Laird method of moments (DL).</summary>
    DerSimonianLaird,

    /// <summary>Restricted maximum likelihood by Fisher scoring (REML), metafor's default.</summary>
    RestrictedMaximumLikelihood,

    /// <summary>Maximum likelihood by Fisher scoring (ML).</summary>
    MaximumLikelihood,

    /// <summary>Paule–Mandel: the generalised Q equals its degrees of freedom (PM).</summary>
    PauleMandel,

    /// <summary>Empirical Bayes (Morris), iterated (EB).</summary>
    EmpiricalBayes,

    /// <summary>Hedges' unweighted method of moments (HE).</summary>
    Hedges,

    /// <summary>Sidik–Jonkman (SJ).</summary>
    SidikJonkman,

    /// <summary>Hunter–Schmidt (HS).</summary>
    HunterSchmidt,
}

/// <summary>How the pooled estimate is tested and its interval formed.</summary>
public enum MetaAnalysisTest
{
    /// <summary>Wald-type z test and normal-quantile intervals (metafor's <c>test = "z"</c>).</summary>
    Z,

    /// <summary>Knapp–Hartung: standard errors scaled by the weighted residual variance and t with k − p degrees of
    /// freedom (metafor's <c>test = "knha"</c>).</summary>
    KnappHartung,
}

/// <summary>Codes of the estimators and tests.</summary>
public static class MetaAnalysisCodes
{
    private static readonly string[] EstimatorCodes = ["EE", "DL", "REML", "ML", "PM", "EB", "HE", "SJ", "HS"];

    /// <summary>metafor's code of the estimator ("EE", "DL", "REML", "ML", "PM", "EB", "HE", "SJ", "HS").</summary>
    public static string Code(this TauSquaredEstimator estimator) => EstimatorCodes[(int)estimator];

    /// <summary>metafor's code of the test ("z" or "knha").</summary>
    public static string Code(this MetaAnalysisTest test) => test == MetaAnalysisTest.Z ? "z" : "knha";

    /// <summary>The estimator with code <paramref name="code"/> (case-insensitive; "FE" and "CE" mean EE), or null.</summary>
    public static TauSquaredEstimator? EstimatorFromCode(string code)
    {
        string trimmed = code?.Trim() ?? "";
        if (trimmed.Equals("FE", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("CE", StringComparison.OrdinalIgnoreCase))
            return TauSquaredEstimator.EqualEffects;
        int index = Array.FindIndex(EstimatorCodes, c => c.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (TauSquaredEstimator)index;
    }

    /// <summary>The test with code <paramref name="code"/> ("z", "knha" or "hksj"; case-insensitive), or null.</summary>
    public static MetaAnalysisTest? TestFromCode(string code) => code?.Trim().ToLowerInvariant() switch
    {
        "z" => MetaAnalysisTest.Z,
        "knha" or "hksj" => MetaAnalysisTest.KnappHartung,
        _ => null,
    };
}

/// <summary>Options of a meta-analysis. Immutable; change with <c>with</c>.</summary>
public sealed record MetaAnalysisOptions
{
    /// <summary>The τ² estimator; REML unless stated.</summary>
    public TauSquaredEstimator Estimator { get; init; } = TauSquaredEstimator.RestrictedMaximumLikelihood;

    /// <summary>The estimator used when <see cref="Estimator"/> does not converge (as metafor's
    /// <c>method = c("REML", "DL")</c>); none unless stated, so non-convergence is an error.</summary>
    public TauSquaredEstimator? Fallback { get; init; }

    /// <summary>The test of the pooled estimate; z unless stated.</summary>
    public MetaAnalysisTest Test { get; init; } = MetaAnalysisTest.Z;

    /// <summary>The confidence level of every interval, 0.95 unless stated.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The most Fisher-scoring iterations (REML, ML, EB); 100 as in metafor.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Convergence: iterations stop when τ² changes by less than this; 1e-5 as in metafor.</summary>
    public double Threshold { get; init; } = 1e-5;

    /// <summary>The defaults: REML, z test, 95% intervals.</summary>
    public static MetaAnalysisOptions Default { get; } = new();
}

/// <summary>A meta-analysis that cannot be computed: an estimator did not converge, or the data do not allow it.</summary>
public sealed class MetaAnalysisException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public MetaAnalysisException(string message) : base(message) { }

    /// <summary>Creates the exception with its message and cause.</summary>
    public MetaAnalysisException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a default message.</summary>
    public MetaAnalysisException() : base("The meta-analysis could not be computed.") { }
}

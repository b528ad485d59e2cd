namespace Evidence.Analytics;

/// <summary>An overall risk-of-bias (study quality) judgement, shown as the row colour of an effect direction plot.</summary>
public enum RiskOfBias
{
    /// <summary>Low risk of bias.</summary>
    Low,
    /// <summary>Some concerns.</summary>
    SomeConcerns,
    /// <summary>High risk of bias.</summary>
    High,
}

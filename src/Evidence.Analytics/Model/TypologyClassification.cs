namespace Evidence.Analytics;

/// <summary>An intervention's typology level with the reason it was assigned.</summary>
/// <param name="Level">The level.</param>
/// <param name="Reason">Why: the rule that fired and the attributes it looked at, or "coded explicitly".</param>
/// <param name="IsCoded">Whether the level was coded by the reviewer rather than derived by <see cref="Typology.Classify"/>.</param>
public sealed partial record TypologyClassification(TypologyLevel Level, string Reason, bool IsCoded)
{
    /// <summary>The level and reason, e.g. "Light: formal referral into a specific programme".</summary>
    public override string ToString() => $"{Vocabularies.TypologyLevel.Label(Level)}: {Reason}";
}

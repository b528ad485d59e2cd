using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>How many interventions (and the studies evaluating them) sit at one Kimberlee level.</summary>
/// <param name="Level">The level.</param>
/// <param name="Interventions">Interventions at the level.</param>
/// <param name="Studies">Distinct studies evaluating at least one intervention at the level.</param>
public sealed partial record TypologyLevelCount(TypologyLevel Level, int Interventions, int Studies)
{
    /// <summary>"Light: 21 interventions, 25 studies".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Level.Label()}: {Interventions} interventions, {Studies} studies");
}

/// <summary>One intervention's place in the typology, with the reason.</summary>
/// <param name="InterventionId">The intervention.</param>
/// <param name="Name">Its name.</param>
/// <param name="Classification">Its level and the reason (the rule that fired, or "coded explicitly").</param>
/// <param name="Studies">The number of studies evaluating it.</param>
public sealed partial record TypologyEntry(string InterventionId, string Name, TypologyClassification Classification, int Studies)
{
    /// <summary>"I01 Mothers' group — Light: formal referral into a specific programme, no link worker".</summary>
    public override string ToString() => $"{InterventionId} {Name} — {Classification}";
}

/// <summary>Counts of interventions per Kimberlee (2015) typology level, with each intervention's level and reason.</summary>
/// <remarks>Studies are counted once per level even when they evaluate several interventions at it; a study evaluating
/// interventions at two levels is counted at both, so the study counts need not add up to the number of studies.
/// Immutable.</remarks>
public sealed partial class TypologySummary
{
    internal TypologySummary(ImmutableArray<TypologyLevelCount> levels, ImmutableArray<TypologyEntry> interventions)
    {
        Levels = levels;
        Interventions = interventions;
    }

    /// <summary>One entry per level, in typology order (signposting to holistic, then unclassifiable).</summary>
    public ImmutableArray<TypologyLevelCount> Levels { get; }

    /// <summary>Every intervention with its level and reason, in evidence-base order.</summary>
    public ImmutableArray<TypologyEntry> Interventions { get; }

    /// <summary>The entry for a level.</summary>
    public TypologyLevelCount this[TypologyLevel level] => Levels.First(l => l.Level == level);

    /// <summary>The level counts, then each intervention with its reason.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("Kimberlee typology:");
        foreach (var level in Levels) text.AppendLine().Append("  ").Append(level);
        foreach (var entry in Interventions) text.AppendLine().Append(entry);
        return text.ToString();
    }
}

namespace Evidence.Analytics;

/// <summary>The family a realist context–mechanism–outcome configuration belongs to (what it explains).</summary>
/// <remarks>Seeded with McLeish, Ayers &amp; McCourt's (2023) three families; extensible like <see cref="InterventionType"/>.</remarks>
public sealed class ConfigurationFamily : Term
{
    /// <summary>Creates a family outside the seeded vocabulary.</summary>
    /// <param name="name">The canonical name.</param>
    /// <param name="order">The display position; use 100 or more so seeded families come first.</param>
    public ConfigurationFamily(string name, int order = 100) : base(name, order) { }

    /// <summary>Configurations explaining take-up of a programme.</summary>
    public static ConfigurationFamily TakeUp { get; } = new("Take-up", 0);
    /// <summary>Configurations explaining positive impact.</summary>
    public static ConfigurationFamily PositiveImpact { get; } = new("Positive impact", 1);
    /// <summary>Configurations explaining negative impact.</summary>
    public static ConfigurationFamily NegativeImpact { get; } = new("Negative impact", 2);

    /// <summary>The seeded families, in display order.</summary>
    public static IReadOnlyList<ConfigurationFamily> Seeded { get; } = [TakeUp, PositiveImpact, NegativeImpact];
}

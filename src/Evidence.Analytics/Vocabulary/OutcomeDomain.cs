namespace Evidence.Analytics;

/// <summary>An outcome domain: the column of an evidence gap map and the unit of vote counting.</summary>
/// <remarks>Seeded with the domains of the two seed reviews and extensible like <see cref="InterventionType"/>.</remarks>
public sealed class OutcomeDomain : Term
{
    /// <summary>Creates an outcome domain outside the seeded vocabulary.</summary>
    /// <param name="name">The canonical name.</param>
    /// <param name="order">The display position; use 100 or more so seeded domains come first.</param>
    public OutcomeDomain(string name, int order = 100) : base(name, order) { }

    /// <summary>Social connection or isolation (loneliness, social support received).</summary>
    public static OutcomeDomain SocialConnection { get; } = new("Social connection", 0);
    /// <summary>Mental health (depression, anxiety, stress, wellbeing).</summary>
    public static OutcomeDomain MentalHealth { get; } = new("Mental health", 1);
    /// <summary>Parenting confidence or self-efficacy.</summary>
    public static OutcomeDomain ParentingConfidence { get; } = new("Parenting confidence", 2);
    /// <summary>Mother–infant bonding or attachment.</summary>
    public static OutcomeDomain MotherInfantBonding { get; } = new("Mother-infant bonding", 3);
    /// <summary>Physical health (activity, weight, sleep, breastfeeding).</summary>
    public static OutcomeDomain PhysicalHealth { get; } = new("Physical health", 4);
    /// <summary>Quality of life.</summary>
    public static OutcomeDomain QualityOfLife { get; } = new("Quality of life", 5);
    /// <summary>Service use (GP attendance, uptake of services).</summary>
    public static OutcomeDomain ServiceUse { get; } = new("Service use", 6);

    /// <summary>The seeded domains, in display order.</summary>
    public static IReadOnlyList<OutcomeDomain> Seeded { get; } =
        [SocialConnection, MentalHealth, ParentingConfidence, MotherInfantBonding, PhysicalHealth, QualityOfLife, ServiceUse];
}

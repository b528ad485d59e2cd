namespace Evidence.Analytics;

/// <summary>A kind of support an intervention offers; interventions are coded with one or more types.</summary>
/// <remarks>The vocabulary is seeded with the six types of the postpartum social-prescribing scoping review and can
/// be extended (a workbook's Vocabulary sheet, or <see cref="InterventionType(string, int)"/>).</remarks>
public sealed class InterventionType : Term
{
    /// <summary>Creates an intervention type outside the seeded vocabulary.</summary>
    /// <param name="name">The canonical name.</param>
    /// <param name="order">The display position; use 100 or more so seeded types come first.</param>
    public InterventionType(string name, int order = 100) : base(name, order) { }

    /// <summary>Social support (peer support, groups, befriending).</summary>
    public static InterventionType SocialSupport { get; } = new("Social support", 0);
    /// <summary>Education or information (antenatal and parenting classes, information giving).</summary>
    public static InterventionType EducationInformation { get; } = new("Education/information", 1);
    /// <summary>Physical wellbeing (exercise, walking groups, nutrition).</summary>
    public static InterventionType PhysicalWellbeing { get; } = new("Physical wellbeing", 2);
    /// <summary>Creative or recreational activities (arts, singing, crafts).</summary>
    public static InterventionType CreativeRecreational { get; } = new("Creative/recreational", 3);
    /// <summary>Therapeutic support (counselling, psychological techniques).</summary>
    public static InterventionType TherapeuticSupport { get; } = new("Therapeutic support", 4);
    /// <summary>Service navigation (help to find and use services, housing, benefits).</summary>
    public static InterventionType ServiceNavigation { get; } = new("Service navigation", 5);

    /// <summary>The seeded types, in display order.</summary>
    public static IReadOnlyList<InterventionType> Seeded { get; } =
        [SocialSupport, EducationInformation, PhysicalWellbeing, CreativeRecreational, TherapeuticSupport, ServiceNavigation];
}

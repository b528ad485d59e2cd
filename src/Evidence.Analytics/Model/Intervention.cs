using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>An intervention (programme) evaluated by one or more studies, with the attributes that place it in
/// Kimberlee's social-prescribing typology.</summary>
public sealed partial class Intervention
{
    /// <summary>Creates an intervention.</summary>
    /// <param name="id">The review's identifier ("I01").</param>
    /// <param name="name">The programme's name.</param>
    /// <param name="types">The intervention types (multi-label).</param>
    /// <param name="formats">One-to-one and/or group.</param>
    /// <param name="modes">In person, telephone and/or online.</param>
    /// <param name="deliverers">Who delivers it.</param>
    /// <param name="referralRoutes">How participants reach it.</param>
    /// <param name="hasLinkWorker">Whether a link worker is involved, or null if not reported.</param>
    /// <param name="needsAssessment">How needs are assessed, or null if not reported.</param>
    /// <param name="followUp">Follow-up, or null if not reported.</param>
    /// <param name="timing">When it is delivered (antenatal / postnatal / both), or null.</param>
    /// <param name="setting">Where it is delivered ("children's centre", "home"), or null.</param>
    /// <param name="codedLevel">A typology level coded explicitly by the reviewer, overriding the rules, or null.</param>
    /// <exception cref="ArgumentException">The id or name is blank.</exception>
    public Intervention(
        string id,
        string name,
        IEnumerable<InterventionType>? types = null,
        IEnumerable<DeliveryFormat>? formats = null,
        IEnumerable<DeliveryMode>? modes = null,
        IEnumerable<Deliverer>? deliverers = null,
        IEnumerable<ReferralRoute>? referralRoutes = null,
        bool? hasLinkWorker = null,
        NeedsAssessment? needsAssessment = null,
        FollowUp? followUp = null,
        PopulationTiming? timing = null,
        string? setting = null,
        TypologyLevel? codedLevel = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id.Trim();
        Name = name.Trim();
        Types = Set(types);
        Formats = Set(formats);
        Modes = Set(modes);
        Deliverers = Set(deliverers);
        ReferralRoutes = Set(referralRoutes);
        HasLinkWorker = hasLinkWorker;
        NeedsAssessment = needsAssessment;
        FollowUp = followUp;
        Timing = timing;
        Setting = string.IsNullOrWhiteSpace(setting) ? null : setting.Trim();
        CodedLevel = codedLevel;
        Typology = Analytics.Typology.Classify(this);
    }

    /// <summary>The review's identifier.</summary>
    public string Id { get; }

    /// <summary>The programme's name.</summary>
    public string Name { get; }

    /// <summary>The intervention types, in display order.</summary>
    public ImmutableArray<InterventionType> Types { get; }

    /// <summary>One-to-one and/or group.</summary>
    public ImmutableArray<DeliveryFormat> Formats { get; }

    /// <summary>In person, telephone and/or online.</summary>
    public ImmutableArray<DeliveryMode> Modes { get; }

    /// <summary>Who delivers it.</summary>
    public ImmutableArray<Deliverer> Deliverers { get; }

    /// <summary>How participants reach it.</summary>
    public ImmutableArray<ReferralRoute> ReferralRoutes { get; }

    /// <summary>Whether a link worker is involved, or null if not reported.</summary>
    public bool? HasLinkWorker { get; }

    /// <summary>How needs are assessed, or null if not reported.</summary>
    public NeedsAssessment? NeedsAssessment { get; }

    /// <summary>Follow-up, or null if not reported.</summary>
    public FollowUp? FollowUp { get; }

    /// <summary>When it is delivered, or null.</summary>
    public PopulationTiming? Timing { get; }

    /// <summary>Where it is delivered, or null.</summary>
    public string? Setting { get; }

    /// <summary>The typology level coded explicitly by the reviewer, or null when the rules decide.</summary>
    public TypologyLevel? CodedLevel { get; }

    /// <summary>The typology level with its reason: the coded level if there is one, otherwise the rules' level.</summary>
    public TypologyClassification Typology { get; }

    /// <summary>The id and name: "I01 Mothers' group".</summary>
    public override string ToString() => $"{Id} {Name}";

    private static ImmutableArray<T> Set<T>(IEnumerable<T>? values) where T : notnull => values switch
    {
        null => [],
        // One value is a set already (most lists an import reads hold one), and so is an immutable array in order.
        IReadOnlyCollection<T> { Count: <= 1 } few => [.. few],
        ImmutableArray<T> array when IsOrderedSet(array) => array,
        _ => values.Distinct().Order().ToImmutableArray(),
    };

    /// <summary>Whether each value sorts after the one before it, so that the array is its own distinct, ordered set.</summary>
    private static bool IsOrderedSet<T>(ImmutableArray<T> values) where T : notnull
    {
        var order = Comparer<T>.Default;
        for (int i = 1; i < values.Length; i++)
        {
            if (order.Compare(values[i - 1], values[i]) >= 0) return false;
        }
        return true;
    }
}

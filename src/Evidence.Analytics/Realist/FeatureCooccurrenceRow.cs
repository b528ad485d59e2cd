using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>One feature's shares: among the programmes behind each family, and among those behind none of the focus
/// family's configurations.</summary>
public sealed partial class FeatureCooccurrenceRow
{
    internal FeatureCooccurrenceRow(ProgrammeFeature feature, ImmutableArray<FeatureShare> byFamily, FeatureShare withFocus, FeatureShare withoutFocus)
    {
        Feature = feature;
        ByFamily = byFamily;
        WithFocus = withFocus;
        WithoutFocus = withoutFocus;
    }

    /// <summary>The feature.</summary>
    public ProgrammeFeature Feature { get; }

    /// <summary>The share of the programmes behind each family that have the feature, aligned with <see cref="FeatureCooccurrence.Families"/>.</summary>
    public ImmutableArray<FeatureShare> ByFamily { get; }

    /// <summary>The share among the programmes behind the focus family.</summary>
    public FeatureShare WithFocus { get; }

    /// <summary>The share among the programmes behind some configuration but none of the focus family.</summary>
    public FeatureShare WithoutFocus { get; }

    /// <summary>"Format: Group: 5 of 7 (71%) with, 4 of 13 (31%) without".</summary>
    public override string ToString() => $"{Feature}: {WithFocus} with, {WithoutFocus} without";
}

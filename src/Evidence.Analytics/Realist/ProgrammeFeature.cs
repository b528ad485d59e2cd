using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>A feature of how a programme is delivered (its format, mode, deliverer or timing) that realist reviews
/// compare across configuration families: "Group", "Telephone", "Peer volunteer".</summary>
/// <remarks>A programme can have several features of one dimension (a programme offering one-to-one and group support
/// has both). Each dimension also has a "not reported" feature, for programmes coded with no value in it, so that no
/// programme silently drops out of a comparison.</remarks>
public sealed partial class ProgrammeFeature
{
    private readonly Func<Intervention, bool> _has;

    private ProgrammeFeature(string dimension, string label, Func<Intervention, bool> has)
    {
        Dimension = dimension;
        Label = label;
        _has = has;
    }

    /// <summary>The dimension: "Format", "Mode", "Deliverer" or "Timing".</summary>
    public string Dimension { get; }

    /// <summary>The feature's label, as the workbook vocabularies spell it ("One-to-one", "Telephone").</summary>
    public string Label { get; }

    /// <summary>Whether this is the "not reported" feature of its dimension.</summary>
    public bool IsNotReported => Label == NotReportedLabel;

    /// <summary>Whether a programme has this feature.</summary>
    public bool IsFeatureOf(Intervention programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return _has(programme);
    }

    /// <summary>Every feature: format, mode, deliverer and timing values in vocabulary order, each dimension followed
    /// by its "not reported" feature.</summary>
    public static ImmutableArray<ProgrammeFeature> All { get; } =
    [
        .. DimensionOf("Format", Enum.GetValues<DeliveryFormat>(), f => f.Label(), (p, f) => p.Formats.Contains(f), p => p.Formats.IsEmpty),
        .. DimensionOf("Mode", Enum.GetValues<DeliveryMode>(), m => m.Label(), (p, m) => p.Modes.Contains(m), p => p.Modes.IsEmpty),
        .. DimensionOf("Deliverer", Enum.GetValues<Deliverer>(), d => d.Label(), (p, d) => p.Deliverers.Contains(d), p => p.Deliverers.IsEmpty),
        .. DimensionOf("Timing", Enum.GetValues<PopulationTiming>(), t => t.Label(), (p, t) => p.Timing == t, p => p.Timing is null),
    ];

    /// <summary>The feature with a dimension and label (ignoring case), e.g. <c>Of("Mode", "Telephone")</c>.</summary>
    /// <exception cref="KeyNotFoundException">No feature has that dimension and label.</exception>
    public static ProgrammeFeature Of(string dimension, string label) =>
        All.FirstOrDefault(f => string.Equals(f.Dimension, dimension, StringComparison.OrdinalIgnoreCase) &&
                                string.Equals(f.Label, label, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No programme feature '{dimension}: {label}'; expected one of: {string.Join("; ", All)}.");

    /// <summary>"Format: Group".</summary>
    public override string ToString() => $"{Dimension}: {Label}";

    private const string NotReportedLabel = "Not reported";

    private static IEnumerable<ProgrammeFeature> DimensionOf<T>(
        string dimension, T[] values, Func<T, string> label, Func<Intervention, T, bool> has, Func<Intervention, bool> notReported) =>
        values.Select(v => new ProgrammeFeature(dimension, label(v), p => has(p, v)))
              .Append(new ProgrammeFeature(dimension, NotReportedLabel, notReported));
}

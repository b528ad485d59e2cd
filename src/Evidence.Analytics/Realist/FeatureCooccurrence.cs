using System.Collections.Immutable;
using System.Text;

namespace Evidence.Analytics;

/// <summary>Which programme features (group or one-to-one, telephone or in person, volunteers or professionals, timing)
/// occur among the programmes behind each configuration family, and how a focus family (by default negative impact)
/// compares with the programmes behind none of its configurations.</summary>
/// <remarks>
/// <para>A programme is "behind" a family when at least one of its studies supports at least one configuration of that
/// family; it counts once per family however many such configurations it has. Denominators are the programmes behind
/// the family (see <see cref="ProgrammesBehind"/>); programmes behind no configuration at all are left out of every
/// column. The comparison column holds the programmes behind some configuration but none of the focus family.</para>
/// <para>This is co-occurrence, not cause: a feature common among programmes behind negative-impact configurations may
/// simply be common among the programmes studied qualitatively, which is where realist reviews find mechanisms. The
/// counts are small; no test of difference is offered.</para>
/// </remarks>
public sealed partial class FeatureCooccurrence
{
    private readonly ImmutableArray<int> _programmesBehind;

    internal FeatureCooccurrence(ConfigurationFamily focus, ImmutableArray<ConfigurationFamily> families, ImmutableArray<ProgrammeConfigurations> programmes)
    {
        Focus = focus;
        Families = families;
        var linked = programmes.Where(p => !p.Configurations.IsEmpty).ToArray();
        var behind = families.Select(f => linked.Where(p => p.IsBehind(f)).ToArray()).ToArray();
        var without = linked.Where(p => !p.IsBehind(focus)).ToArray();
        _programmesBehind = [.. behind.Select(b => b.Length)];
        ProgrammesWithoutFocus = without.Length;

        static FeatureShare Share(ProgrammeFeature feature, ProgrammeConfigurations[] group) =>
            new(group.Count(p => feature.IsFeatureOf(p.Programme)), group.Length);

        int focusColumn = families.IndexOf(focus);
        Rows = [.. ProgrammeFeature.All
            .Where(f => !f.IsNotReported || linked.Any(p => f.IsFeatureOf(p.Programme)))
            .Select(f => new FeatureCooccurrenceRow(
                f,
                [.. behind.Select(group => Share(f, group))],
                focusColumn < 0 ? new FeatureShare(0, 0) : Share(f, behind[focusColumn]),
                Share(f, without)))];
    }

    /// <summary>The family compared with the rest (negative impact unless another was asked for).</summary>
    public ConfigurationFamily Focus { get; }

    /// <summary>The families (columns of <see cref="FeatureCooccurrenceRow.ByFamily"/>).</summary>
    public ImmutableArray<ConfigurationFamily> Families { get; }

    /// <summary>One row per feature; "not reported" rows appear only when some programme lacks that dimension.</summary>
    public ImmutableArray<FeatureCooccurrenceRow> Rows { get; }

    /// <summary>The number of programmes behind some configuration but none of the focus family: the denominator of
    /// <see cref="FeatureCooccurrenceRow.WithoutFocus"/>.</summary>
    public int ProgrammesWithoutFocus { get; }

    /// <summary>The number of distinct programmes behind at least one configuration of a family.</summary>
    /// <exception cref="KeyNotFoundException">The family is not a column.</exception>
    public int ProgrammesBehind(ConfigurationFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        int column = Families.IndexOf(family);
        return column < 0 ? throw new KeyNotFoundException($"The family '{family}' is not a column.") : _programmesBehind[column];
    }

    /// <summary>The row of a feature.</summary>
    /// <exception cref="KeyNotFoundException">The feature has no row (a "not reported" feature no programme has).</exception>
    public FeatureCooccurrenceRow this[ProgrammeFeature feature] =>
        Rows.FirstOrDefault(r => r.Feature == feature) ?? throw new KeyNotFoundException($"No row for {feature}.");

    /// <summary>A text table: one line per feature, shares per family and for the comparison group.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Feature")
            .Append(string.Concat(Families.Select(f => " | " + f.Name)))
            .Append(" | No ").Append(Focus.Name.ToLowerInvariant()).Append('\n');
        foreach (var row in Rows)
        {
            text.Append(row.Feature);
            foreach (var share in row.ByFamily) text.Append(" | ").Append(share);
            text.Append(" | ").Append(row.WithoutFocus).Append('\n');
        }
        return text.ToString();
    }
}

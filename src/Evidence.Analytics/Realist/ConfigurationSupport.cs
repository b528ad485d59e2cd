using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The evidence behind one CMO configuration: its distinct supporting studies, the distinct programmes they
/// evaluate, and the studies' designs.</summary>
/// <remarks>Several studies of one programme count as several studies but one programme: the programme count says how
/// many different interventions the configuration has been seen in, which the study count overstates when one
/// programme was evaluated repeatedly.</remarks>
public sealed partial class ConfigurationSupport
{
    internal ConfigurationSupport(CmoConfiguration configuration, ImmutableArray<Study> studies, ImmutableArray<Intervention> programmes)
    {
        Configuration = configuration;
        Studies = studies;
        Programmes = programmes;
        Designs = [.. studies.GroupBy(s => s.Design).OrderBy(g => g.Key).Select(g => new DesignCount(g.Key, g.Count()))];
    }

    /// <summary>The configuration.</summary>
    public CmoConfiguration Configuration { get; }

    /// <summary>The distinct supporting studies, in the order the configuration lists them.</summary>
    public ImmutableArray<Study> Studies { get; }

    /// <summary>The distinct programmes the supporting studies evaluate, in order of first appearance.</summary>
    public ImmutableArray<Intervention> Programmes { get; }

    /// <summary>The supporting studies by design, in design order; each study counted once.</summary>
    public ImmutableArray<DesignCount> Designs { get; }

    /// <summary>The number of distinct supporting studies.</summary>
    public int StudyCount => Studies.Length;

    /// <summary>The number of distinct programmes behind the configuration.</summary>
    public int ProgrammeCount => Programmes.Length;

    /// <summary>"NI3 (Negative impact): 4 studies (Qualitative 3, Mixed methods 1) of 3 programmes".</summary>
    public override string ToString()
    {
        string designs = Designs.IsEmpty ? "" : $" ({string.Join(", ", Designs)})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Configuration.Id} ({Configuration.Family}): {Plural(StudyCount, "study", "studies")}{designs} of {Plural(ProgrammeCount, "programme", "programmes")}");
    }

    internal static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}

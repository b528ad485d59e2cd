using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The configurations one programme's studies support.</summary>
/// <remarks>A configuration counts once for a programme however many of the programme's studies support it.</remarks>
public sealed partial class ProgrammeConfigurations
{
    internal ProgrammeConfigurations(Intervention programme, ImmutableArray<Study> studies, ImmutableArray<Study> supportingStudies,
        ImmutableArray<CmoConfiguration> configurations)
    {
        Programme = programme;
        Studies = studies;
        SupportingStudies = supportingStudies;
        Configurations = configurations;
    }

    /// <summary>The programme.</summary>
    public Intervention Programme { get; }

    /// <summary>Every study of the programme.</summary>
    public ImmutableArray<Study> Studies { get; }

    /// <summary>The programme's studies that support at least one configuration.</summary>
    public ImmutableArray<Study> SupportingStudies { get; }

    /// <summary>The distinct configurations the programme's studies support, in the evidence base's order.</summary>
    public ImmutableArray<CmoConfiguration> Configurations { get; }

    /// <summary>The number of the programme's configurations in a family.</summary>
    public int CountIn(ConfigurationFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return Configurations.Count(c => c.Family == family);
    }

    /// <summary>Whether any of the programme's configurations is in a family.</summary>
    public bool IsBehind(ConfigurationFamily family) => CountIn(family) > 0;

    /// <summary>"I03 Mothers' group: 5 configurations (2 Take-up, 2 Positive impact, 1 Negative impact) from 2 of 3 studies".</summary>
    public override string ToString()
    {
        string families = string.Join(", ", Configurations.GroupBy(c => c.Family).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
        string byFamily = families.Length == 0 ? "" : $" ({families})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Programme}: {ConfigurationSupport.Plural(Configurations.Length, "configuration", "configurations")}{byFamily} from {SupportingStudies.Length} of {ConfigurationSupport.Plural(Studies.Length, "study", "studies")}");
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>The analysis of a realist review's context–mechanism–outcome configurations: tallies by family, the distinct
/// studies and programmes behind each configuration, configurations per programme, themes against families, and the
/// programme features that co-occur with each family.</summary>
/// <remarks>
/// <para>Studies and programmes are always counted distinctly: two studies of one programme supporting a configuration
/// are two studies but one programme (McLeish, Ayers &amp; McCourt 2023 had 29 studies of 22 programmes). A programme
/// is behind a configuration when any of its studies supports it.</para>
/// <para>Create one with <see cref="Of(EvidenceBase)"/> or <c>evidence.RealistSynthesis()</c>. Immutable and safe to
/// share between threads.</para>
/// </remarks>
public sealed partial class RealistSynthesis
{
    private readonly ImmutableArray<ProgrammeConfigurations> _programmes;
    private readonly Dictionary<ConfigurationFamily, FeatureCooccurrence> _features = [];
    private readonly Lock _featuresLock = new();

    private RealistSynthesis(EvidenceBase evidence)
    {
        Review = evidence.Review;
        var supports = ImmutableArray.CreateBuilder<ConfigurationSupport>(evidence.Configurations.Length);
        var configurationsByProgramme = new Dictionary<string, List<CmoConfiguration>>(StringComparer.OrdinalIgnoreCase);
        var supportingStudies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var configuration in evidence.Configurations)
        {
            var studies = configuration.SupportingStudyIds.Select(evidence.Study).ToImmutableArray();
            var programmes = studies.SelectMany(evidence.InterventionsOf).DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            supports.Add(new ConfigurationSupport(configuration, studies, programmes));
            supportingStudies.UnionWith(configuration.SupportingStudyIds);
            foreach (var programme in programmes)
            {
                if (!configurationsByProgramme.TryGetValue(programme.Id, out var list))
                    configurationsByProgramme[programme.Id] = list = [];
                list.Add(configuration);
            }
        }
        Configurations = supports.MoveToImmutable();

        Families = [.. ConfigurationFamily.Seeded.Union(evidence.Configurations.Select(c => c.Family)).Distinct().Order()];
        FamilyTallies = [.. Families.Select(family =>
        {
            var inFamily = Configurations.Where(s => s.Configuration.Family == family).ToArray();
            return new FamilyTally(
                family,
                inFamily.Length,
                inFamily.SelectMany(s => s.Studies).Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                inFamily.SelectMany(s => s.Programmes).Select(p => p.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        })];

        _programmes = [.. evidence.Interventions.Select(programme =>
        {
            var studies = evidence.StudiesOf(programme);
            return new ProgrammeConfigurations(
                programme,
                studies,
                [.. studies.Where(s => supportingStudies.Contains(s.Id))],
                configurationsByProgramme.TryGetValue(programme.Id, out var list) ? [.. list] : []);
        })];

        UnlinkedStudies = [.. evidence.Studies.Where(s => !supportingStudies.Contains(s.Id))];
        StudyCount = supportingStudies.Count;
        ProgrammeCount = configurationsByProgramme.Count;
        Themes = new ThemeFamilyMatrix(Configurations, Families);
    }

    /// <summary>Analyses an evidence base's configurations.</summary>
    public static RealistSynthesis Of(EvidenceBase evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new RealistSynthesis(evidence);
    }

    /// <summary>The review's title and notes.</summary>
    public ReviewInfo Review { get; }

    /// <summary>The families: the seeded three, then any others the configurations use, in display order.</summary>
    public ImmutableArray<ConfigurationFamily> Families { get; }

    /// <summary>The configurations, studies and programmes of each family, aligned with <see cref="Families"/>.</summary>
    public ImmutableArray<FamilyTally> FamilyTallies { get; }

    /// <summary>Each configuration with its distinct supporting studies, programmes and designs, in the evidence base's order.</summary>
    public ImmutableArray<ConfigurationSupport> Configurations { get; }

    /// <summary>Each programme (intervention) with the configurations its studies support, in the evidence base's order;
    /// programmes behind no configuration are included with none.</summary>
    public ImmutableArray<ProgrammeConfigurations> Programmes => _programmes;

    /// <summary>Themes against families.</summary>
    public ThemeFamilyMatrix Themes { get; }

    /// <summary>Programme features among the programmes behind each family, with negative impact as the focus.</summary>
    public FeatureCooccurrence Features => FeaturesFor(ConfigurationFamily.NegativeImpact);

    /// <summary>Studies that support no configuration.</summary>
    public ImmutableArray<Study> UnlinkedStudies { get; }

    /// <summary>The number of distinct studies supporting at least one configuration.</summary>
    public int StudyCount { get; }

    /// <summary>The number of distinct programmes behind at least one configuration.</summary>
    public int ProgrammeCount { get; }

    /// <summary>The support of the configuration with an id (ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No configuration has that id.</exception>
    public ConfigurationSupport this[string configurationId] =>
        Configurations.FirstOrDefault(s => string.Equals(s.Configuration.Id, configurationId, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No configuration has id '{configurationId}'.");

    /// <summary>The tally of a family (zero counts for a family no configuration uses).</summary>
    public FamilyTally Tally(ConfigurationFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return FamilyTallies.FirstOrDefault(t => t.Family == family) ?? new FamilyTally(family, 0, 0, 0);
    }

    /// <summary>Programme features among the programmes behind each family, comparing <paramref name="focus"/> with the
    /// programmes behind none of its configurations.</summary>
    public FeatureCooccurrence FeaturesFor(ConfigurationFamily focus)
    {
        ArgumentNullException.ThrowIfNull(focus);
        lock (_featuresLock)
        {
            if (!_features.TryGetValue(focus, out var table))
                _features[focus] = table = new FeatureCooccurrence(focus, Families, _programmes);
            return table;
        }
    }

    /// <summary>"34 CMO configurations (13 Take-up, 13 Positive impact, 8 Negative impact) supported by 29 studies of 22 programmes", then one line per family.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{ConfigurationSupport.Plural(Configurations.Length, "CMO configuration", "CMO configurations")} ")
            .Append('(').Append(string.Join(", ", FamilyTallies.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Configurations} {t.Family}")))).Append(')')
            .Append(CultureInfo.InvariantCulture, $" supported by {ConfigurationSupport.Plural(StudyCount, "study", "studies")} of {ConfigurationSupport.Plural(ProgrammeCount, "programme", "programmes")}");
        if (!UnlinkedStudies.IsEmpty)
            text.Append(CultureInfo.InvariantCulture, $"; {ConfigurationSupport.Plural(UnlinkedStudies.Length, "study supports", "studies support")} none");
        foreach (var tally in FamilyTallies) text.Append('\n').Append(tally);
        return text.ToString();
    }
}

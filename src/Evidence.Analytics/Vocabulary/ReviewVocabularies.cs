namespace Evidence.Analytics;

/// <summary>A review's extensible vocabularies: the built-in intervention types, outcome domains and configuration
/// families, as extended by the review's Vocabulary sheet.</summary>
/// <remarks>Use them to read text the way the review's workbook was read: a CLI option or a filter typed by a user
/// ("Loneliness", when the review declares it as an outcome domain) means what it means in the review. Immutable.</remarks>
public sealed class ReviewVocabularies
{
    /// <summary>Creates a review's vocabularies; a vocabulary not given is the built-in one.</summary>
    /// <param name="interventionTypes">The intervention types, e.g. <see cref="Vocabularies.InterventionType"/> extended with <see cref="Vocabulary{T}.With"/>.</param>
    /// <param name="outcomeDomains">The outcome domains.</param>
    /// <param name="configurationFamilies">The realist configuration families.</param>
    public ReviewVocabularies(
        Vocabulary<InterventionType>? interventionTypes = null,
        Vocabulary<OutcomeDomain>? outcomeDomains = null,
        Vocabulary<ConfigurationFamily>? configurationFamilies = null)
    {
        InterventionTypes = interventionTypes ?? Vocabularies.InterventionType;
        OutcomeDomains = outcomeDomains ?? Vocabularies.OutcomeDomain;
        ConfigurationFamilies = configurationFamilies ?? Vocabularies.ConfigurationFamily;
    }

    /// <summary>The built-in vocabularies, with no added terms.</summary>
    public static ReviewVocabularies BuiltIn { get; } = new();

    /// <summary>The intervention types: the seeded ones, then those the review added.</summary>
    public Vocabulary<InterventionType> InterventionTypes { get; }

    /// <summary>The outcome domains: the seeded ones, then those the review added.</summary>
    public Vocabulary<OutcomeDomain> OutcomeDomains { get; }

    /// <summary>The configuration families: the seeded ones, then those the review added.</summary>
    public Vocabulary<ConfigurationFamily> ConfigurationFamilies { get; }

    /// <summary>These vocabularies, extended with every term an evidence base holds that they lack (a term made in code
    /// rather than declared), so every term of the evidence base can be typed.</summary>
    internal ReviewVocabularies Covering(EvidenceBase evidence)
    {
        var types = InterventionTypes;
        foreach (var type in evidence.Interventions.SelectMany(i => i.Types).Distinct().Order()) types = types.Including(type);
        var domains = OutcomeDomains;
        foreach (var domain in evidence.Findings.Select(f => f.Domain).Distinct().Order()) domains = domains.Including(domain);
        var families = ConfigurationFamilies;
        foreach (var family in evidence.Configurations.Select(c => c.Family).Distinct().Order()) families = families.Including(family);
        return ReferenceEquals(types, InterventionTypes) && ReferenceEquals(domains, OutcomeDomains) && ReferenceEquals(families, ConfigurationFamilies)
            ? this
            : new ReviewVocabularies(types, domains, families);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{InterventionTypes.Accepted.Count} intervention types, {OutcomeDomains.Accepted.Count} outcome domains, {ConfigurationFamilies.Accepted.Count} configuration families";
}

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

    /// <inheritdoc />
    public override string ToString() =>
        $"{InterventionTypes.Accepted.Count} intervention types, {OutcomeDomains.Accepted.Count} outcome domains, {ConfigurationFamilies.Accepted.Count} configuration families";
}

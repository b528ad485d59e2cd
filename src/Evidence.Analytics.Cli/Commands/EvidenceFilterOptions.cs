using System.CommandLine;
using System.Collections.Immutable;

namespace Evidence.Analytics.Cli;

/// <summary>The filter options shared by <c>evidence map</c> and <c>evidence share</c>, and their translation into an <see cref="EvidenceFilter"/>.</summary>
internal sealed class EvidenceFilterOptions
{
    public Option<string[]> Design { get; } = new("--design")
    {
        Description = "Keep only this design group (RCT, qualitative, other) or design (cluster RCT, cohort, …); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Country { get; } = new("--country") { Description = "Keep only studies conducted in this country; repeatable." };

    public Option<int?> FromYear { get; } = new("--from-year") { Description = "Keep only studies published in or after this year." };

    public Option<int?> ToYear { get; } = new("--to-year") { Description = "Keep only studies published in or before this year." };

    public Option<string[]> Timing { get; } = new("--timing") { Description = "Keep only studies of this population timing (antenatal, postnatal, both); repeatable." };

    public Option<string[]> RiskOfBias { get; } = new("--risk-of-bias") { Description = "Keep only studies whose overall risk of bias is one of these (low, some-concerns, high; comma-separated or repeated); studies without one are left out." };

    public Option<string[]> Typology { get; } = new("--typology") { Description = "Keep only interventions at this level of Kimberlee's social-prescribing typology (signposting, light, medium, holistic); repeatable." };

    public Option<string[]> InterventionType { get; } = new("--intervention-type") { Description = "Keep only interventions of this type (including types the review's Vocabulary sheet adds); repeatable." };

    public Option<string[]> Intervention { get; } = new("--intervention") { Description = "Keep only this intervention, by id; repeatable." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Design, Country, FromYear, ToYear, Timing, RiskOfBias, Typology, InterventionType, Intervention })
            command.Options.Add(option);
    }

    /// <summary>Checks the options whose values do not depend on the review (designs, timings, typology levels, years),
    /// writing a message for each value that is not understood, so that a typo is reported before a large file is read.</summary>
    public bool Check(ParseResult parseResult) => Build(parseResult, null, null) is not null;

    /// <summary>Builds the filter, or returns null after writing a message for each value that is not understood.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="vocabularies">The review's vocabularies (<see cref="EvidenceBase.Vocabularies"/>), so an intervention type
    /// the review's Vocabulary sheet adds, or one of its synonyms, is understood.</param>
    /// <param name="outcomes">The outcome domains to keep, if any.</param>
    public EvidenceFilter? Parse(ParseResult parseResult, ReviewVocabularies vocabularies, IEnumerable<OutcomeDomain>? outcomes = null) =>
        Build(parseResult, vocabularies, outcomes);

    private EvidenceFilter? Build(ParseResult parseResult, ReviewVocabularies? vocabularies, IEnumerable<OutcomeDomain>? outcomes)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var groups = new List<DesignGroup>();
        var designs = new List<StudyDesign>();
        bool ok = true;
        foreach (string text in parseResult.GetValue(Design) ?? [])
        {
            // A design group first, so "RCT" means individual and cluster trials alike.
            if (Vocabularies.DesignGroup.TryParse(text, out var group)) groups.Add(group);
            else if (Vocabularies.Design.TryParse(text, out var design)) designs.Add(design);
            else
            {
                error.WriteLine($"--design: '{text}' is not a known design group or design; expected one of: {string.Join("; ", Vocabularies.DesignGroup.Accepted.Concat(Vocabularies.Design.Accepted).Distinct())}.");
                ok = false;
            }
        }
        ok &= VocabularyOptions.TryParseAll(error, "--timing", parseResult.GetValue(Timing), Vocabularies.Timing, out var timings);
        ok &= VocabularyOptions.TryParseAll(error, "--risk-of-bias",
            (parseResult.GetValue(RiskOfBias) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            Vocabularies.RiskOfBias, out var risks);
        ok &= VocabularyOptions.TryParseAll(error, "--typology", parseResult.GetValue(Typology), Vocabularies.TypologyLevel, out var levels);
        var types = new List<InterventionType>();
        if (vocabularies is not null)
            ok &= VocabularyOptions.TryParseAll(error, "--intervention-type", parseResult.GetValue(InterventionType), vocabularies.InterventionTypes, out types);
        int? from = parseResult.GetValue(FromYear), to = parseResult.GetValue(ToYear);
        if (from > to)
        {
            error.WriteLine($"--from-year {from} is after --to-year {to}.");
            ok = false;
        }
        if (!ok) return null;
        return EvidenceFilter.All with
        {
            DesignGroups = [.. groups],
            Designs = [.. designs],
            Countries = [.. parseResult.GetValue(Country) ?? []],
            FromYear = from,
            ToYear = to,
            Timings = [.. timings],
            RisksOfBias = [.. risks.Distinct()],
            TypologyLevels = [.. levels],
            InterventionTypes = [.. types],
            InterventionIds = [.. parseResult.GetValue(Intervention) ?? []],
            Outcomes = outcomes?.ToImmutableArray() ?? [],
        };
    }
}

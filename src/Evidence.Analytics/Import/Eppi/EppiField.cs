namespace Evidence.Analytics.Import;

/// <summary>What an EPPI-Reviewer code set holds once mapped to the evidence base: a study's design, an intervention's
/// types, a finding's outcome domain, and so on. The writer names its code sets after these fields, and the reader maps
/// a code set of the same name (or the one a mapping file names) back to the field.</summary>
internal sealed record EppiField(string Name, EppiLevel Level, EppiValue Value, ControlledVocabulary? Vocabulary, params string[] Aliases)
{
    /// <summary>The fields, in the order the writer writes their code sets.</summary>
    public static IReadOnlyList<EppiField> All { get; } =
    [
        new("Design", EppiLevel.Study, EppiValue.Term, Vocabularies.Design, "Study design", "Designs"),
        new("Countries", EppiLevel.Study, EppiValue.Text, null, "Country"),
        new("Timing", EppiLevel.Study, EppiValue.Term, Vocabularies.Timing, "Population timing"),
        new("Months after birth", EppiLevel.Study, EppiValue.Number, null),
        new("Sample size", EppiLevel.Study, EppiValue.Number, null),
        new("Publication type", EppiLevel.Study, EppiValue.Term, Vocabularies.PublicationType),
        new("Risk of bias", EppiLevel.Study, EppiValue.Term, Vocabularies.RiskOfBias),
        new("Intervention type", EppiLevel.Intervention, EppiValue.Term, Vocabularies.InterventionType, "Intervention types", "Types"),
        new("Format", EppiLevel.Intervention, EppiValue.Term, Vocabularies.DeliveryFormat, "Delivery format"),
        new("Mode", EppiLevel.Intervention, EppiValue.Term, Vocabularies.DeliveryMode, "Delivery mode"),
        new("Deliverer", EppiLevel.Intervention, EppiValue.Term, Vocabularies.Deliverer, "Deliverers"),
        new("Referral route", EppiLevel.Intervention, EppiValue.Term, Vocabularies.ReferralRoute, "Referral routes"),
        new("Link worker", EppiLevel.Intervention, EppiValue.Term, Vocabularies.YesNo),
        new("Needs assessment", EppiLevel.Intervention, EppiValue.Term, Vocabularies.NeedsAssessment),
        new("Follow-up", EppiLevel.Intervention, EppiValue.Term, Vocabularies.FollowUp),
        new("Intervention timing", EppiLevel.Intervention, EppiValue.Term, Vocabularies.Timing),
        new("Setting", EppiLevel.Intervention, EppiValue.Text, null, "Settings"),
        new("Typology level", EppiLevel.Intervention, EppiValue.Term, Vocabularies.TypologyLevel),
        new("Outcome domain", EppiLevel.Finding, EppiValue.Term, Vocabularies.OutcomeDomain, "Outcome domains", "Outcomes", "Outcome"),
    ];

    /// <summary>A mapping file's field for codes that are deliberately not imported (screening codes, notes).</summary>
    public const string Ignore = "Ignore";

    /// <summary>Whether the field's vocabulary is one a review extends (intervention types, outcome domains): a code set
    /// that holds a name it lacks declares a new term, as a Vocabulary sheet does.</summary>
    public bool IsExtensible => Name is "Intervention type" or "Outcome domain";

    /// <summary>The field named (its name or an alias, ignoring case, spaces and punctuation), or null.</summary>
    public static EppiField? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        string key = Vocabulary<string>.Key(name);
        return All.FirstOrDefault(f => Vocabulary<string>.Key(f.Name) == key || f.Aliases.Any(a => Vocabulary<string>.Key(a) == key));
    }
}

/// <summary>Which record a field's codes describe.</summary>
internal enum EppiLevel
{
    /// <summary>The reference (study) itself.</summary>
    Study,
    /// <summary>An intervention the study evaluates: the code's arm, or every intervention of the study when it names none.</summary>
    Intervention,
    /// <summary>A finding: an outcome domain, with its direction of effect as a child code.</summary>
    Finding,
}

/// <summary>Where a field's value is in a code.</summary>
internal enum EppiValue
{
    /// <summary>The code's name is a term of the field's vocabulary.</summary>
    Term,
    /// <summary>The code's name is the value (a country, a setting).</summary>
    Text,
    /// <summary>The code's additional text is a whole number (a sample size).</summary>
    Number,
}

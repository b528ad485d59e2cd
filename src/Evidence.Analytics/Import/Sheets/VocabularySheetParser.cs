namespace Evidence.Analytics.Import;

/// <summary>Reads the Vocabulary sheet: new intervention types, outcome domains and configuration families, with synonyms.</summary>
/// <remarks>Terms declared here are accepted on the later sheets and sort after the seeded terms, in the order declared.
/// A declared term or synonym that the built-in vocabulary lists only as a related construct of a broader term
/// ("Loneliness", counted as social connection) becomes the review's own term; one that is already a term or a synonym
/// of one is refused, since it would change what an existing term means.</remarks>
internal sealed class VocabularySheetParser : SheetParser
{
    private static readonly Vocabulary<string> Fields = new("vocabulary",
    [
        ("Intervention type", "Intervention type", ["intervention types", "types", "type"]),
        ("Outcome domain", "Outcome domain", ["outcome domains", "outcome", "domain"]),
        ("Configuration family", "Configuration family", ["configuration families", "family", "cmo family"]),
    ]);

    private int _order = 100;

    public override WorkbookSheet Format => WorkbookFormat.Vocabulary;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? field = row.Required("Field");
        string? term = row.Required("Term");
        var synonyms = row.List("Synonyms").ToArray();
        string? canonical = null;
        if (field is not null && !Fields.TryParse(field, out canonical))
            row.Problem(ProblemKind.UnknownVocabulary, "Field", field, Fields.UnknownMessage(field));
        if (row.HasErrors || canonical is null || term is null) return;
        int order = _order++;
        try
        {
            switch (canonical)
            {
                case "Intervention type":
                    context.InterventionTypes = Extend(context.InterventionTypes, Vocabularies.InterventionType, new InterventionType(term, order), term, synonyms, row);
                    break;
                case "Outcome domain":
                    context.OutcomeDomains = Extend(context.OutcomeDomains, Vocabularies.OutcomeDomain, new OutcomeDomain(term, order), term, synonyms, row);
                    break;
                default:
                    context.ConfigurationFamilies = Extend(context.ConfigurationFamilies, Vocabularies.ConfigurationFamily, new ConfigurationFamily(term, order), term, synonyms, row);
                    break;
            }
        }
        catch (InvalidOperationException e)
        {
            row.Problem(ProblemKind.InvalidValue, "Synonyms", string.Join("; ", synonyms), e.Message + " A spelling can mean only one term.");
        }
    }

    private static Vocabulary<T> Extend<T>(Vocabulary<T> vocabulary, Vocabulary<T> builtIn, T value, string term, string[] synonyms, RowReader row) where T : Term
    {
        if (vocabulary.TryParse(term, out T existing, out bool related) && !related)
        {
            string already = builtIn.TryParse(term, out T _, out bool builtInRelated) && !builtInRelated
                ? $"'{term}' already means the {vocabulary.Field} '{existing}'; declare only new terms."
                : $"'{term}' is declared twice (or is a synonym of the {vocabulary.Field} '{existing}' declared above); declare each term once.";
            row.Problem(ProblemKind.DuplicateId, "Term", term, already);
            return vocabulary;
        }
        return vocabulary.With(value, term, synonyms);
    }
}

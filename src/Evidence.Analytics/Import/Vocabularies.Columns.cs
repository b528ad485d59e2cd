using Evidence.Analytics.Import;

namespace Evidence.Analytics;

// The part of Vocabularies that needs the workbook format: which columns hold a vocabulary, and finding a vocabulary by
// a column's header. It lives with the format (Import), since the vocabularies themselves sit below it.
public static partial class Vocabularies
{
    /// <summary>The workbook columns that hold a vocabulary's values, as "Sheet: Column" ("Findings: Direction"); none
    /// for a vocabulary only options and filters use (design groups).</summary>
    public static IEnumerable<string> ColumnsOf(ControlledVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        // A tool's judgements fill the Risk of bias sheet's domain and Overall columns, whose drop-down lists every tool's.
        if (RiskOfBiasJudgements.All.Contains(vocabulary))
            return [$"{WorkbookFormat.RiskOfBias.Name}: {WorkbookFormat.RiskOfBiasDomainColumns[0]}–{WorkbookFormat.RiskOfBiasDomainColumns[^1]}", $"{WorkbookFormat.RiskOfBias.Name}: Overall"];
        return from sheet in WorkbookFormat.Sheets
               from column in sheet.Columns
               where column.Kind == ColumnKind.Vocabulary ? column.Accepted.SequenceEqual(vocabulary.Accepted)
                   : column.Kind == ColumnKind.YesNo && ReferenceEquals(vocabulary, YesNo)
               select $"{sheet.Name}: {column.Header}";
    }

    /// <summary>The vocabulary of <see cref="All"/> named by its field ("direction of effect"), by the header of a
    /// column that holds it ("Direction", "Types") or by the first words of its field when only one field starts so
    /// ("typology"), ignoring case, spacing and punctuation; null when none is.</summary>
    public static ControlledVocabulary? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        string key = Vocabulary<string>.Key(name);
        var starting = All.Where(v => Vocabulary<string>.Key(v.Field).StartsWith(key + " ", StringComparison.Ordinal)).Take(2).ToList();
        return All.FirstOrDefault(v => Vocabulary<string>.Key(v.Field) == key)
            ?? All.FirstOrDefault(v => ColumnsOf(v).Any(c => Vocabulary<string>.Key(c[(c.IndexOf(": ", StringComparison.Ordinal) + 2)..]) == key))
            ?? (starting.Count == 1 ? starting[0] : null);
    }
}

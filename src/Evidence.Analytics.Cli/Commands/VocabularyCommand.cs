using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence vocabulary [FIELD] [--json|--markdown]</c>: every controlled vocabulary of the workbook format
/// (or one), with its terms, the spellings each accepts, the related constructs it counts as each term, the words it
/// refuses as ambiguous and the blank markers it reads as empty.</summary>
/// <remarks>Printed from <see cref="Vocabularies.All"/>, the definitions the import itself uses; README's vocabulary
/// tables are this command's <c>--markdown</c> output, and a test keeps them the same.</remarks>
internal static class VocabularyCommand
{
    public static Command Create()
    {
        var field = new Argument<string?>("field")
        {
            Description = "One vocabulary, by its name or by a column that uses it (design, direction, outcome domain, Types, …); every vocabulary when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Write the vocabularies as JSON." };
        var markdown = new Option<bool>("--markdown") { Description = "Write the vocabularies as Markdown tables (as in README)." };
        var command = new Command("vocabulary", "List what each controlled column of the workbook accepts: its terms, their other spellings, the related constructs counted as a term, the words refused as ambiguous, and the blank markers.")
        {
            field, json, markdown,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            bool asJson = parseResult.GetValue(json), asMarkdown = parseResult.GetValue(markdown);
            if (asJson && asMarkdown)
            {
                error.WriteLine("Choose one of --json and --markdown.");
                return EvidenceCli.UsageError;
            }
            IReadOnlyList<ControlledVocabulary> chosen = Vocabularies.All;
            if (parseResult.GetValue(field) is { } text)
            {
                if (Vocabularies.Find(text) is not { } one)
                {
                    error.WriteLine($"'{text}' is not a vocabulary; expected one of: {string.Join("; ", Vocabularies.All.Select(v => v.Field))} (or the header of a column that holds one).");
                    return EvidenceCli.UsageError;
                }
                chosen = [one];
            }
            var output = parseResult.InvocationConfiguration.Output;
            output.Write(asJson ? ToJson(chosen) : asMarkdown ? ToMarkdown(chosen) : ToText(chosen));
            return EvidenceCli.Success;
        });
        return command;
    }

    private static string UsedIn(ControlledVocabulary vocabulary)
    {
        var columns = Vocabularies.ColumnsOf(vocabulary).ToList();
        return columns.Count == 0 ? "command-line options and filters" : string.Join(", ", columns);
    }

    private const string Matching = "Matching ignores case, spacing, punctuation and UK/US spelling (\"R.C.T.\" is RCT; \"randomised\" is \"randomized\").";

    private static string BlankLine(ControlledVocabulary vocabulary, Func<string, string> quote) =>
        $"Blank markers, read as an empty cell: {string.Join(", ", vocabulary.BlankMarkers.Select(quote))}" +
        (vocabulary.BlankMarkers.Count < Vocabularies.BlankMarkers.Length
            ? $" ({string.Join(", ", Vocabularies.BlankMarkers.Except(vocabulary.BlankMarkers).Select(quote))} is a term here)."
            : ".");

    private static string Everywhere(Func<string, string> quote) =>
        $"Blank markers, read as an empty cell in every column (a required cell holding one is reported as missing, an optional one with a `BlankMarker` warning): {string.Join(", ", Vocabularies.BlankMarkers.Select(quote))}.";

    internal static string ToText(IReadOnlyList<ControlledVocabulary> vocabularies)
    {
        var text = new StringBuilder();
        text.Append(Matching).Append('\n');
        text.Append("Related constructs are distinct concepts counted as a term: imported with a warning; declare one on the Vocabulary sheet to keep it apart.\n");
        text.Append(Everywhere(m => m)).Append('\n');
        foreach (var vocabulary in vocabularies)
        {
            text.Append('\n').Append(vocabulary.Field).Append(" (").Append(UsedIn(vocabulary)).Append(")\n");
            foreach (var term in vocabulary.Terms)
            {
                text.Append("  ").Append(term.Label).Append('\n');
                if (!term.Synonyms.IsEmpty) text.Append("    also: ").Append(string.Join("; ", term.Synonyms)).Append('\n');
                if (!term.RelatedConstructs.IsEmpty) text.Append("    related constructs counted as this term: ").Append(string.Join("; ", term.RelatedConstructs)).Append('\n');
            }
            if (vocabulary.Ambiguous.Count > 0)
            {
                text.Append("  Refused as ambiguous:\n");
                foreach (var group in vocabulary.Ambiguous.GroupBy(w => w.Reason))
                    text.Append("    ").Append(string.Join(", ", group.Select(w => w.Spelling))).Append(": ").Append(group.Key).Append('\n');
            }
            if (vocabulary.BlankMarkers.Count < Vocabularies.BlankMarkers.Length) text.Append("  ").Append(BlankLine(vocabulary, m => m)).Append('\n');
        }
        return text.ToString();
    }

    internal static string ToMarkdown(IReadOnlyList<ControlledVocabulary> vocabularies)
    {
        static string Code(string s) => s.Contains('`', StringComparison.Ordinal) ? $"`` {s} ``" : $"`{s}`";
        static string Cell(IEnumerable<string> spellings) => string.Join(", ", spellings.Select(Code)).Replace("|", "\\|", StringComparison.Ordinal);
        var text = new StringBuilder();
        text.Append(Matching).Append(" Related constructs are distinct concepts a vocabulary counts as a term: they are imported with a ")
            .Append("`RelatedConstruct` warning, and a review that declares one on its Vocabulary sheet keeps it as its own term. ")
            .Append(Everywhere(Code)).Append('\n');
        foreach (var vocabulary in vocabularies)
        {
            text.Append("\n**").Append(char.ToUpperInvariant(vocabulary.Field[0])).Append(vocabulary.Field[1..]).Append("** (").Append(UsedIn(vocabulary)).Append(")\n\n");
            text.Append("| Term | Also accepted | Related constructs counted as this term |\n|---|---|---|\n");
            foreach (var term in vocabulary.Terms)
                text.Append("| ").Append(Code(term.Label)).Append(" | ").Append(Cell(term.Synonyms)).Append(" | ").Append(Cell(term.RelatedConstructs)).Append(" |\n");
            if (vocabulary.Ambiguous.Count > 0)
            {
                text.Append("\nRefused as ambiguous (an error listing the accepted values):\n\n");
                foreach (var group in vocabulary.Ambiguous.GroupBy(w => w.Reason))
                    text.Append("- ").Append(Cell(group.Select(w => w.Spelling))).Append(": ").Append(group.Key).Append(".\n");
            }
            if (vocabulary.BlankMarkers.Count < Vocabularies.BlankMarkers.Length) text.Append('\n').Append(BlankLine(vocabulary, Code)).Append('\n');
        }
        return text.ToString();
    }

    internal static string ToJson(IReadOnlyList<ControlledVocabulary> vocabularies)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("vocabularies");
            foreach (var vocabulary in vocabularies)
            {
                writer.WriteStartObject();
                writer.WriteString("field", vocabulary.Field);
                MapCommand.Strings(writer, "columns", Vocabularies.ColumnsOf(vocabulary));
                writer.WriteStartArray("terms");
                foreach (var term in vocabulary.Terms)
                {
                    writer.WriteStartObject();
                    writer.WriteString("term", term.Label);
                    MapCommand.Strings(writer, "synonyms", term.Synonyms);
                    MapCommand.Strings(writer, "relatedConstructs", term.RelatedConstructs);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteStartArray("ambiguous");
                foreach (var word in vocabulary.Ambiguous)
                {
                    writer.WriteStartObject();
                    writer.WriteString("spelling", word.Spelling);
                    writer.WriteString("reason", word.Reason);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                MapCommand.Strings(writer, "blankMarkers", vocabulary.BlankMarkers);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

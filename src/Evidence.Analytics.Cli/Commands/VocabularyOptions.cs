namespace Evidence.Analytics.Cli;

/// <summary>Parses option values typed with the import vocabularies' spellings ("rct", "Social Connection"), reporting an
/// unknown value with the accepted ones on the error writer.</summary>
internal static class VocabularyOptions
{
    /// <summary>Parses an optional value; false (after writing the message) when it is given but not understood.</summary>
    public static bool TryParse<T>(TextWriter error, string option, string? text, Vocabulary<T> vocabulary, out T? value) where T : notnull
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (vocabulary.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        error.WriteLine($"{option}: {vocabulary.UnknownMessage(text)}");
        return false;
    }

    /// <summary>Parses every value of a repeatable option; false (after writing a message per bad value) if any is not understood.</summary>
    public static bool TryParseAll<T>(TextWriter error, string option, IEnumerable<string>? texts, Vocabulary<T> vocabulary, out List<T> values) where T : notnull
    {
        values = [];
        bool ok = true;
        foreach (string text in texts ?? [])
        {
            if (TryParse(error, option, text, vocabulary, out T? value)) values.Add(value!);
            else ok = false;
        }
        return ok;
    }
}

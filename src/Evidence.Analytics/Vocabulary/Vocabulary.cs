using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A controlled vocabulary: the canonical values of one coded field, with the spellings people type for them.</summary>
/// <typeparam name="T">The value type: an enum such as <see cref="StudyDesign"/> or a <see cref="Term"/> such as <see cref="OutcomeDomain"/>.</typeparam>
/// <remarks>Matching ignores case, spacing, punctuation (hyphens, slashes, underscores, dots) and UK/US spelling
/// ("randomised" = "randomized", "programme" = "program"). Unknown text is never mapped to "Other": <see cref="TryParse"/>
/// fails and <see cref="Accepted"/> lists what would have been understood. Instances are immutable; <see cref="With"/>
/// returns an extended copy.</remarks>
public sealed class Vocabulary<T> where T : notnull
{
    private readonly FrozenDictionary<string, T> _byKey;
    private readonly Dictionary<T, string> _labels;

    internal Vocabulary(string field, IEnumerable<(T Value, string Label, string[] Synonyms)> entries)
    {
        Field = field;
        var values = new List<T>();
        var labels = new Dictionary<T, string>();
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, label, synonyms) in entries)
        {
            if (!labels.TryAdd(value, label)) continue;
            values.Add(value);
            foreach (string spelling in synonyms.Prepend(label).Append(value.ToString()!))
            {
                string key = Key(spelling);
                if (byKey.TryGetValue(key, out T? existing) && !EqualityComparer<T>.Default.Equals(existing, value))
                    throw new InvalidOperationException($"The {field} spelling '{spelling}' is claimed by both '{labels[existing]}' and '{label}'.");
                byKey[key] = value;
            }
        }
        Values = values;
        _labels = labels;
        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
        Accepted = values.Select(v => labels[v]).ToArray();
    }

    /// <summary>The name of the coded field, used in messages ("design", "outcome domain").</summary>
    public string Field { get; }

    /// <summary>The canonical values, in display order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>The canonical labels of <see cref="Values"/>, as listed in error messages.</summary>
    public IReadOnlyList<string> Accepted { get; }

    /// <summary>The canonical label of a value ("RCT", "Social connection").</summary>
    /// <exception cref="ArgumentException">The value is not in this vocabulary.</exception>
    public string Label(T value) =>
        _labels.TryGetValue(value, out string? label) ? label : throw new ArgumentException($"'{value}' is not a {Field}.", nameof(value));

    /// <summary>Maps typed text to a canonical value.</summary>
    /// <param name="text">The text as typed ("randomised controlled trial", "rct", "Social Connection").</param>
    /// <param name="value">The canonical value when the text is understood.</param>
    /// <returns>Whether the text is understood.</returns>
    public bool TryParse(string? text, out T value)
    {
        if (!string.IsNullOrWhiteSpace(text) && _byKey.TryGetValue(Key(text), out T? found))
        {
            value = found;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Maps typed text to a canonical value, or throws an exception listing the accepted values.</summary>
    /// <exception cref="FormatException">The text is not understood.</exception>
    public T Parse(string text) =>
        TryParse(text, out T value) ? value : throw new FormatException(UnknownMessage(text));

    /// <summary>The message for text that is not understood: the text and the accepted values.</summary>
    public string UnknownMessage(string? text) =>
        $"'{text}' is not a known {Field}; expected one of: {string.Join("; ", Accepted)}.";

    /// <summary>A copy of this vocabulary extended with one more value.</summary>
    /// <param name="value">The new value.</param>
    /// <param name="label">Its canonical label.</param>
    /// <param name="synonyms">Other spellings that mean the same.</param>
    /// <exception cref="InvalidOperationException">A spelling already means another value.</exception>
    public Vocabulary<T> With(T value, string label, params string[] synonyms) =>
        new(Field, Values.Select(v => (v, _labels[v], SynonymsOf(v))).Append((value, label, synonyms)));

    private string[] SynonymsOf(T value) =>
        _byKey.Where(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Select(pair => pair.Key).ToArray();

    /// <summary>The matching key of a spelling: lower case, letters and digits only, words joined by single spaces,
    /// UK spellings folded to US. Text with no letters or digits (a symbol such as "▲" or "+") is its own key.</summary>
    internal static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (c == '&') builder.Append(" and ");
            else if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        string words = builder.ToString().Trim();
        if (words.Length == 0) return text.Trim();
        return string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(FoldSpelling));
    }

    private static string FoldSpelling(string word)
    {
        switch (word)
        {
            case "programme": return "program";
            case "programmes": return "programs";
            case "behaviour": return "behavior";
            case "counselling": return "counseling";
            case "centre": return "center";
            case "paediatric": return "pediatric";
        }
        foreach (var (uk, us) in Folds)
        {
            if (word.Length > uk.Length + 2 && word.EndsWith(uk, StringComparison.Ordinal))
                return string.Concat(word.AsSpan(0, word.Length - uk.Length), us);
        }
        return word;
    }

    private static readonly (string Uk, string Us)[] Folds =
        [("isation", "ization"), ("ised", "ized"), ("ising", "izing"), ("ise", "ize"), ("oured", "ored"), ("ours", "ors"), ("our", "or")];

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Field}: {string.Join("; ", Accepted)}");
}

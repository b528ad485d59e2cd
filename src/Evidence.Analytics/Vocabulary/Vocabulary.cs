using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A controlled vocabulary, whatever its value type: its canonical terms with the spellings each accepts, the
/// words it refuses as ambiguous and the blank markers it reads as an empty cell.</summary>
/// <remarks>This is the listing side of <see cref="Vocabulary{T}"/>, used to document every vocabulary (the
/// <c>evidence vocabulary</c> command, README) from the definitions the import itself uses.</remarks>
public abstract class ControlledVocabulary
{
    private protected ControlledVocabulary(string field) => Field = field;

    /// <summary>A field's name with its indefinite article: "an outcome domain", "a design".</summary>
    internal static string WithArticle(string noun) => (noun.Length > 0 && "aeiouAEIOU".Contains(noun[0]) ? "an " : "a ") + noun;

    /// <summary>The name of the coded field, used in messages ("design", "outcome domain").</summary>
    public string Field { get; }

    /// <summary>The canonical labels of the terms, in display order, as listed in error messages.</summary>
    public abstract IReadOnlyList<string> Accepted { get; }

    /// <summary>Each canonical term with the spellings it accepts, in display order.</summary>
    public abstract IReadOnlyList<VocabularyTerm> Terms { get; }

    /// <summary>Words refused in this field because a reasonable person could mean different terms by them, each with the reason.</summary>
    public abstract IReadOnlyList<AmbiguousSpelling> Ambiguous { get; }

    /// <summary>The blank markers ("NULL", "N/A", "-", …) this vocabulary reads as an empty cell: every marker of
    /// <see cref="Vocabularies.BlankMarkers"/> except one that is a term here ("None" in needs assessment).</summary>
    public IReadOnlyList<string> BlankMarkers => Vocabularies.BlankMarkers.Where(IsBlankMarker).ToArray();

    /// <summary>Whether text is a blank marker in this vocabulary: it reads as an empty cell, not as a value.</summary>
    public abstract bool IsBlankMarker(string? text);

    /// <summary>The canonical label of the term text reads as ("rct" reads as "RCT"), or null when it is not understood.</summary>
    public abstract string? LabelOf(string? text);

    /// <summary>The message for text that is not understood: the text, why (unknown, ambiguous or a blank marker) and the accepted values.</summary>
    public abstract string UnknownMessage(string? text);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Field}: {string.Join("; ", Accepted)}");
}

/// <summary>One term of a controlled vocabulary with the spellings it accepts.</summary>
/// <remarks>A <see cref="Synonyms">synonym</see> names the same thing ("randomised controlled trial" for RCT). A
/// <see cref="RelatedConstructs">related construct</see> names something narrower or neighbouring that the built-in
/// vocabulary counts as this term ("loneliness" as social connection): the import accepts it and says so in a warning,
/// and a review that wants it kept apart declares it as its own term, which then wins.</remarks>
public sealed partial class VocabularyTerm
{
    internal VocabularyTerm(string label, ImmutableArray<string> synonyms, ImmutableArray<string> relatedConstructs)
    {
        Label = label;
        Synonyms = synonyms;
        RelatedConstructs = relatedConstructs;
    }

    /// <summary>The canonical label ("RCT", "Social connection").</summary>
    public string Label { get; }

    /// <summary>Other spellings of the same term.</summary>
    public ImmutableArray<string> Synonyms { get; }

    /// <summary>Distinct constructs the vocabulary counts as this term (a concept-changing mapping, reported on import).</summary>
    public ImmutableArray<string> RelatedConstructs { get; }

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>A word a vocabulary refuses because it could mean different terms, with the reason given in the error.</summary>
public sealed class AmbiguousSpelling
{
    internal AmbiguousSpelling(string spelling, string reason)
    {
        Spelling = spelling;
        Reason = reason;
    }

    /// <summary>The word ("negative").</summary>
    public string Spelling { get; }

    /// <summary>Why it is ambiguous ("a negative effect estimate can mean improvement (e.g. lower depression scores)").</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Spelling}: {Reason}";
}

/// <summary>A controlled vocabulary: the canonical values of one coded field, with the spellings people type for them.</summary>
/// <typeparam name="T">The value type: an enum such as <see cref="StudyDesign"/> or a <see cref="Term"/> such as <see cref="OutcomeDomain"/>.</typeparam>
/// <remarks>Matching ignores case, spacing, punctuation (hyphens, slashes, underscores; dots in abbreviations, so
/// "R.C.T." is "RCT") and UK/US spelling ("randomised" = "randomized", "programme" = "program"). Unknown text is never
/// mapped to "Other": <see cref="TryParse(string?, out T)"/> fails and <see cref="ControlledVocabulary.UnknownMessage"/> lists what would
/// have been understood. Blank markers and ambiguous words are never values. Instances are immutable; <see cref="With"/>
/// returns an extended copy.</remarks>
public sealed class Vocabulary<T> : ControlledVocabulary where T : notnull
{
    private readonly ImmutableArray<Entry> _entries;
    private readonly FrozenDictionary<string, (T Value, bool Related)> _byKey;
    private readonly FrozenDictionary<string, AmbiguousSpelling> _ambiguous;
    private readonly Dictionary<T, string> _labels;

    internal Vocabulary(string field, IEnumerable<(T Value, string Label, string[] Synonyms)> entries)
        : this(field, entries.Select(e => new Entry(e.Value, e.Label, [.. e.Synonyms], [])), [])
    {
    }

    internal Vocabulary(string field, IEnumerable<(T Value, string Label, string[] Synonyms, string[] Related)> entries,
        IEnumerable<(string Spelling, string Reason)>? ambiguous = null)
        : this(field, entries.Select(e => new Entry(e.Value, e.Label, [.. e.Synonyms], [.. e.Related])),
            [.. (ambiguous ?? []).Select(a => new AmbiguousSpelling(a.Spelling, a.Reason))])
    {
    }

    private Vocabulary(string field, IEnumerable<Entry> entries, ImmutableArray<AmbiguousSpelling> ambiguous) : base(field)
    {
        var list = ImmutableArray.CreateBuilder<Entry>();
        var labels = new Dictionary<T, string>();
        var byKey = new Dictionary<string, (T, bool)>(StringComparer.Ordinal);
        var refused = new Dictionary<string, AmbiguousSpelling>(StringComparer.Ordinal);
        foreach (var word in ambiguous) refused[Key(word.Spelling)] = word;
        foreach (var entry in entries)
        {
            if (!labels.TryAdd(entry.Value, entry.Label)) continue;
            list.Add(entry);
            void Claim(string spelling, bool related, bool listed)
            {
                string key = Key(spelling);
                if (byKey.TryGetValue(key, out var existing) && !EqualityComparer<T>.Default.Equals(existing.Item1, entry.Value))
                    throw new InvalidOperationException($"The {field} spelling '{spelling}' is claimed by both '{labels[existing.Item1]}' and '{entry.Label}'.");
                if (listed && refused.TryGetValue(key, out var ambiguity))
                    throw new InvalidOperationException($"The {field} spelling '{spelling}' is ambiguous here ({ambiguity.Reason}), so it cannot mean '{entry.Label}'.");
                if (listed && spelling != entry.Label && BlankText.IsMarker(spelling))
                    throw new InvalidOperationException($"'{spelling}' is a blank marker, so it cannot be a {field} spelling of '{entry.Label}'.");
                if (!byKey.ContainsKey(key)) byKey[key] = (entry.Value, related);
            }
            if (entry.Unclaimed) continue;
            Claim(entry.Label, false, true);
            foreach (string synonym in entry.Synonyms) Claim(synonym, false, true);
            foreach (string related in entry.Related) Claim(related, true, true);
            Claim(entry.Value.ToString()!, false, false);
        }
        _entries = list.ToImmutable();
        _labels = labels;
        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
        _ambiguous = refused.ToFrozenDictionary(StringComparer.Ordinal);
        Values = [.. _entries.Select(e => e.Value)];
        Accepted = [.. _entries.Select(e => e.Label)];
        Terms = [.. _entries.Select(e => new VocabularyTerm(e.Label, e.Synonyms, e.Related))];
        Ambiguous = ambiguous;
    }

    /// <summary>The canonical values, in display order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Accepted { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VocabularyTerm> Terms { get; }

    /// <inheritdoc />
    public override IReadOnlyList<AmbiguousSpelling> Ambiguous { get; }

    /// <summary>The canonical label of a value ("RCT", "Social connection").</summary>
    /// <exception cref="ArgumentException">The value is not in this vocabulary.</exception>
    public string Label(T value) =>
        _labels.TryGetValue(value, out string? label) ? label : throw new ArgumentException($"'{value}' is not {WithArticle(Field)}.", nameof(value));

    /// <summary>Maps typed text to a canonical value.</summary>
    /// <param name="text">The text as typed ("randomised controlled trial", "rct", "Social Connection").</param>
    /// <param name="value">The canonical value when the text is understood.</param>
    /// <returns>Whether the text is understood: false for unknown text, a blank marker or an ambiguous word.</returns>
    public bool TryParse(string? text, out T value) => TryParse(text, out value, out _);

    /// <summary>As <see cref="TryParse(string?, out T)"/>, also telling whether the text is a related construct counted as the value.</summary>
    internal bool TryParse(string? text, out T value, out bool related)
    {
        if (!string.IsNullOrWhiteSpace(text) && _byKey.TryGetValue(Key(text), out var found))
        {
            value = found.Value;
            related = found.Related;
            return true;
        }
        value = default!;
        related = false;
        return false;
    }

    /// <summary>Maps typed text to a canonical value, or throws an exception listing the accepted values.</summary>
    /// <exception cref="FormatException">The text is not understood.</exception>
    public T Parse(string text) =>
        TryParse(text, out T value) ? value : throw new FormatException(UnknownMessage(text));

    /// <inheritdoc />
    public override string? LabelOf(string? text) => TryParse(text, out T value) ? Label(value) : null;

    /// <inheritdoc />
    public override bool IsBlankMarker(string? text) =>
        text is not null && BlankText.IsMarker(text) && !_byKey.ContainsKey(Key(text));

    /// <summary>The reason a word is refused as ambiguous in this field, or null.</summary>
    internal string? AmbiguityOf(string text) =>
        _ambiguous.TryGetValue(Key(text), out var word) ? word.Reason : null;

    /// <inheritdoc />
    public override string UnknownMessage(string? text)
    {
        string expected = $"expected one of: {string.Join("; ", Accepted)}.";
        if (text is not null && AmbiguityOf(text) is { } reason) return $"'{text}' is ambiguous as {WithArticle(Field)}: {reason}; {expected}";
        if (text is not null && IsBlankMarker(text)) return $"'{text}' is a blank marker, not {WithArticle(Field)}; {expected}";
        return $"'{text}' is not a known {Field}; {expected}";
    }

    /// <summary>A copy of this vocabulary extended with one more value.</summary>
    /// <param name="value">The new value.</param>
    /// <param name="label">Its canonical label.</param>
    /// <param name="synonyms">Other spellings that mean the same.</param>
    /// <remarks>A spelling that this vocabulary lists as a related construct of another term (the outcome domain
    /// "Loneliness", counted as social connection) moves to the new term: a term the review declares wins.</remarks>
    /// <exception cref="InvalidOperationException">A spelling is already a term or a synonym of one, is ambiguous here, or is a blank marker.</exception>
    public Vocabulary<T> With(T value, string label, params string[] synonyms)
    {
        var released = new HashSet<string>(StringComparer.Ordinal);
        foreach (string spelling in synonyms.Prepend(label))
        {
            if (!_byKey.TryGetValue(Key(spelling), out var existing)) continue;
            if (!existing.Related)
                throw new InvalidOperationException($"The {Field} spelling '{spelling}' already means '{Label(existing.Value)}'.");
            released.Add(Key(spelling));
        }
        var entries = _entries.Select(e => released.Count == 0 ? e : e with { Related = [.. e.Related.Where(r => !released.Contains(Key(r)))] })
            .Append(new Entry(value, label, [.. synonyms], []));
        return new Vocabulary<T>(Field, entries, [.. Ambiguous]);
    }

    /// <summary>This vocabulary with a value added under its own name when it is not already a value: used for terms
    /// an evidence base holds that no vocabulary declared. A name that already means another term stays with that term.</summary>
    internal Vocabulary<T> Including(T value)
    {
        if (_labels.ContainsKey(value)) return this;
        string name = value.ToString()!;
        try
        {
            return With(value, name);
        }
        catch (InvalidOperationException)
        {
            return new Vocabulary<T>(Field, _entries.Append(new Entry(value, name, [], []) { Unclaimed = true }), [.. Ambiguous]);
        }
    }

    /// <summary>The matching key of a spelling: lower case, letters and digits only, words joined by single spaces,
    /// UK spellings folded to US. A dot between single letters ("R.C.T.") and an apostrophe inside a word
    /// ("children's") are part of the word; other punctuation separates words, so different words never run together.
    /// Text with no letters or digits (a symbol such as "▲" or "+") is its own key.</summary>
    internal static string Key(string text)
    {
        string lower = text.Trim().ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        int run = 0; // letters and digits since the last separator
        for (int i = 0; i < lower.Length; i++)
        {
            char c = lower[i];
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                run++;
            }
            else if (c == '&')
            {
                builder.Append(" and ");
                run = 0;
            }
            else if (JoinsWord(lower, i, run))
            {
                run = 0;
            }
            else
            {
                if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
                run = 0;
            }
        }
        string words = builder.ToString().Trim();
        if (words.Length == 0) return text.Trim();
        return string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(FoldSpelling));
    }

    /// <summary>Whether punctuation at <paramref name="i"/> belongs to the word: an apostrophe between letters, or a dot
    /// between two single letters (abbreviations such as "R.C.T." and "U.K."; not "1.5", not "cohort.study").</summary>
    private static bool JoinsWord(string text, int i, int run)
    {
        char c = text[i];
        bool letterBefore = i > 0 && char.IsLetter(text[i - 1]);
        bool letterAfter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
        if (c is '\'' or '\u2019') return letterBefore && letterAfter;
        return c == '.' && letterBefore && run == 1 && letterAfter && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2]));
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

    private sealed record Entry(T Value, string Label, ImmutableArray<string> Synonyms, ImmutableArray<string> Related)
    {
        /// <summary>Listed, but its label claims no spelling (it already means another term).</summary>
        public bool Unclaimed { get; init; }
    }
}

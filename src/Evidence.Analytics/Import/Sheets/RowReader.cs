using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics.Import;

/// <summary>Reads the typed values of one data row by column header, reporting every bad cell with its location.</summary>
/// <remarks>Each getter returns null (or empty) when the cell is blank or bad; <see cref="HasErrors"/> tells whether any
/// error was reported on the row, so a parser builds the record only from a clean row. A column the sheet lacks reads
/// as blank without a per-row problem: the missing column is reported once, on the header row.</remarks>
internal sealed class RowReader
{
    private static Vocabulary<bool> YesNoVocabulary => Vocabularies.YesNo;

    // Spelled-out "not reported" is what a blank yes/no cell means; blank markers ("N/A") also read as blank, with a warning.
    private static readonly string[] NotReported = ["not reported", "nr", "unclear", "unknown"];

    private readonly SheetState _sheet;
    private readonly Dictionary<object, object> _parsed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, bool?> _yesNo = new(StringComparer.Ordinal);
    // Parsers name columns by string literals, so a reference-keyed memo finds a column without hashing its header.
    private readonly Dictionary<object, (int Index, WorkbookColumn Column)> _columns = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(string Header, string Text)> _relatedSeen = [];
    private readonly HashSet<(string Header, string Key)> _relatedReported = [];
    private RawRow _row = new(0, []);
    private int _problems; // reported by this reader, so that a cell read without any can be memoised
    // Multi-valued cells read without a problem, by column header and text: a workbook repeats the same few lists.
    private readonly Dictionary<object, object> _terms = new(ReferenceEqualityComparer.Instance);

    public RowReader(SheetState sheet) => _sheet = sheet;

    public int RowNumber => _row.Number;

    public bool HasErrors { get; private set; }

    public SheetState Sheet => _sheet;

    public void MoveTo(RawRow row)
    {
        _row = row;
        HasErrors = false;
    }

    /// <summary>Reports a problem on this row, at a column (by format header) or on the whole row (null).</summary>
    public void Problem(ProblemKind kind, string? header, string? value, string message, ProblemSeverity severity = ProblemSeverity.Error)
    {
        _problems++;
        _sheet.Problem(kind, severity, _row.Number, header is null ? -1 : _sheet.ColumnOf(header), value, message);
        if (severity == ProblemSeverity.Error) HasErrors = true;
    }

    private (int Index, WorkbookColumn Column) Lookup(string header)
    {
        if (!_columns.TryGetValue(header, out var found))
            _columns[header] = found = (_sheet.ColumnOf(header), _sheet.Column(header));
        return found;
    }

    /// <summary>The trimmed text of a cell, or null when blank, a blank marker (reported as a warning) or the column is missing.</summary>
    public string? Text(string header) => Read(header, required: false, vocabulary: null);

    /// <summary>The text of a required cell; a blank cell, or one holding a blank marker, is reported.</summary>
    public string? Required(string header) => Read(header, required: true, vocabulary: null);

    private string? Value(string header, ControlledVocabulary? vocabulary = null) => Read(header, required: null, vocabulary);

    /// <summary>Reads a cell as text: blank when empty or when it holds a blank marker ("NULL", "N/A", "-"), which is
    /// reported (an error in a required cell, a warning otherwise) so no marker is ever read as a value.</summary>
    /// <param name="header">The column's format header.</param>
    /// <param name="required">Whether a value is required; null for the format's own rule for the column.</param>
    /// <param name="vocabulary">The column's vocabulary, which may hold a marker word as a term ("None"), or null.</param>
    private string? Read(string header, bool? required, ControlledVocabulary? vocabulary)
    {
        var (index, column) = Lookup(header);
        if (index < 0) return null;
        bool isRequired = required ?? column.Required;
        string? text = index < _row.Cells.Length ? _row.Cells[index].Text : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (isRequired) Problem(ProblemKind.MissingValue, header, null, $"'{header}' is required: {column.Description}");
            return null;
        }
        text = text.Trim();
        if (!IsBlankMarker(text, vocabulary)) return text;
        ReportBlankMarker(header, text, isRequired, column, vocabulary);
        return null;
    }

    private static bool IsBlankMarker(string text, ControlledVocabulary? vocabulary) =>
        vocabulary?.IsBlankMarker(text) ?? BlankText.IsMarker(text);

    // A loop rather than Any(lambda): the lambda would capture the vocabulary and allocate on every list cell read.
    private static bool AnyBlankMarker(string[] parts, ControlledVocabulary? vocabulary)
    {
        foreach (string part in parts)
        {
            if (IsBlankMarker(part, vocabulary)) return true;
        }
        return false;
    }

    private void ReportBlankMarker(string header, string text, bool required, WorkbookColumn column, ControlledVocabulary? vocabulary)
    {
        if (required)
        {
            string expected = vocabulary is null ? "" : $" Expected one of: {string.Join("; ", vocabulary.Accepted)}.";
            Problem(ProblemKind.MissingValue, header, text,
                $"'{header}' is required, but the cell holds the blank marker '{text}', which reads as blank: {column.Description}{expected}");
        }
        else
        {
            Problem(ProblemKind.BlankMarker, header, text,
                $"The cell holds the blank marker '{text}', which reads as blank: nothing is recorded for '{header}'. Clear the cell, or enter the value if it is known.",
                ProblemSeverity.Warning);
        }
    }

    /// <summary>The values of a multi-valued cell, split on ';' (blank parts ignored; blank-marker parts reported and ignored).</summary>
    public ImmutableArray<string> List(string header) => List(header, null);

    private ImmutableArray<string> List(string header, ControlledVocabulary? vocabulary) => Parts(header, Value(header, vocabulary), vocabulary);

    private ImmutableArray<string> Parts(string header, string? text, ControlledVocabulary? vocabulary)
    {
        if (text is null) return [];
        string[] parts = text.Split(WorkbookColumn.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && ReferenceEquals(parts[0], text) || !AnyBlankMarker(parts, vocabulary)) return [.. parts];
        var kept = ImmutableArray.CreateBuilder<string>(parts.Length);
        foreach (string part in parts)
        {
            if (IsBlankMarker(part, vocabulary)) ReportBlankMarker(header, part, required: false, Lookup(header).Column, vocabulary);
            else kept.Add(part);
        }
        if (kept.Count == 0 && Lookup(header).Column.Required) ReportBlankMarker(header, text, required: true, Lookup(header).Column, vocabulary);
        return kept.ToImmutable();
    }

    /// <summary>A whole number, zero or more.</summary>
    public int? Count(string header)
    {
        string? text = Value(header);
        if (text is null) return null;
        if (!TryWholeNumber(text, out long number))
        {
            Problem(ProblemKind.NotANumber, header, text, $"'{text}' is not a whole number; '{header}' expects a count such as 120.");
            return null;
        }
        if (number < 0)
        {
            Problem(ProblemKind.NegativeCount, header, text, $"'{header}' is a count and cannot be negative ({text}).");
            return null;
        }
        if (number > int.MaxValue)
        {
            Problem(ProblemKind.NotANumber, header, text, $"{text} is too large for '{header}'.");
            return null;
        }
        return (int)number;
    }

    /// <summary>A year of publication, 1900–2100.</summary>
    public int? Year(string header)
    {
        string? text = Value(header);
        if (text is null) return null;
        if (!TryWholeNumber(text, out long year))
        {
            Problem(ProblemKind.NotANumber, header, text, $"'{text}' is not a year; '{header}' expects a four-digit year such as 2019.");
            return null;
        }
        if (year is < Citation.MinYear or > Citation.MaxYear)
        {
            Problem(ProblemKind.YearOutOfRange, header, text, $"{text} is not a plausible year of publication; expected {Citation.MinYear}–{Citation.MaxYear}.");
            return null;
        }
        return (int)year;
    }

    /// <summary>A decimal number (invariant culture; a decimal comma is accepted when there is no other separator).</summary>
    public double? Number(string header)
    {
        string? text = Value(header);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
            || text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal)
               && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
            return number;
        Problem(ProblemKind.NotANumber, header, text, $"'{text}' is not a number; '{header}' expects a number such as -0.35.");
        return null;
    }

    /// <summary>Yes or no; "not reported" and its spellings read as null.</summary>
    public bool? YesNo(string header)
    {
        string? text = Value(header);
        if (text is null) return null;
        // Through a memo of the spellings read so far, as the vocabularies' are (a problem is reported on every row).
        if (_yesNo.TryGetValue(text, out bool? known)) return known;
        bool? read;
        if (NotReported.Contains(text.ToLowerInvariant())) read = null;
        else if (YesNoVocabulary.TryParse(text, out bool value)) read = value;
        else
        {
            Problem(ProblemKind.InvalidValue, header, text, $"'{text}' is not yes or no; '{header}' expects Yes, No or blank (not reported).");
            return null;
        }
        if (_yesNo.Count < MemoLimit) _yesNo[text] = read;
        return read;
    }

    /// <summary>One value of a controlled vocabulary (an enum).</summary>
    public T? Enum<T>(string header, Vocabulary<T> vocabulary) where T : struct
    {
        string? text = Value(header, vocabulary);
        if (text is null) return null;
        if (TryParse(header, vocabulary, text, out T value)) return value;
        Problem(ProblemKind.UnknownVocabulary, header, text, vocabulary.UnknownMessage(text));
        return null;
    }

    /// <summary>One term of an extensible vocabulary.</summary>
    public T? Term<T>(string header, Vocabulary<T> vocabulary) where T : Analytics.Term
    {
        string? text = Value(header, vocabulary);
        if (text is null) return null;
        if (TryParse(header, vocabulary, text, out T value)) return value;
        Problem(ProblemKind.UnknownVocabulary, header, text, vocabulary.UnknownMessage(text) + ExtendHint(vocabulary));
        return null;
    }

    /// <summary>The values of a multi-valued vocabulary cell; each unknown part is reported.</summary>
    /// <remarks>A cell read without any problem is memoised by column and text: reading it again would report nothing
    /// (a related construct is reported once per column) and give the same values.</remarks>
    public ImmutableArray<T> Terms<T>(string header, Vocabulary<T> vocabulary) where T : notnull
    {
        string? text = Value(header, vocabulary);
        if (text is null) return [];
        if (!_terms.TryGetValue(header, out object? memo))
            _terms[header] = memo = new Dictionary<string, ImmutableArray<T>>(StringComparer.Ordinal);
        var read = (Dictionary<string, ImmutableArray<T>>)memo;
        if (read.TryGetValue(text, out var known)) return known;
        int problems = _problems;
        var parts = Parts(header, text, vocabulary);
        if (parts.IsEmpty) return [];
        var values = ImmutableArray.CreateBuilder<T>(parts.Length);
        foreach (string part in parts)
        {
            if (TryParse(header, vocabulary, part, out T value)) values.Add(value);
            else Problem(ProblemKind.UnknownVocabulary, header, part, vocabulary.UnknownMessage(part) + ExtendHint(vocabulary));
        }
        var terms = values.ToImmutable();
        if (_problems == problems && read.Count < MemoLimit) read[text] = terms;
        return terms;
    }

    /// <summary>Parses through a per-sheet memo: a workbook repeats the same few spellings on thousands of rows, and
    /// normalising a spelling (case, punctuation, UK/US folding) costs far more than a dictionary lookup. A related
    /// construct ("Loneliness" read as social connection) is reported the first time a column of the sheet uses it.</summary>
    private bool TryParse<T>(string header, Vocabulary<T> vocabulary, string text, out T value) where T : notnull
    {
        if (!_parsed.TryGetValue(vocabulary, out object? memo))
            _parsed[vocabulary] = memo = new Dictionary<string, (bool, T, bool)>(StringComparer.Ordinal);
        var parsed = (Dictionary<string, (bool Known, T Value, bool Related)>)memo;
        if (!parsed.TryGetValue(text, out var entry))
        {
            entry.Known = vocabulary.TryParse(text, out entry.Value, out entry.Related);
            if (parsed.Count < MemoLimit) parsed[text] = entry;
        }
        value = entry.Value;
        if (entry.Related) ReportRelated(header, vocabulary, text, entry.Value);
        return entry.Known;
    }

    private void ReportRelated<T>(string header, Vocabulary<T> vocabulary, string text, T value) where T : notnull
    {
        // The raw text first, so a construct repeated on every row is normalised once.
        if (!_relatedSeen.Add((header, text)) || !_relatedReported.Add((header, Vocabulary<T>.Key(text)))) return;
        Problem(ProblemKind.RelatedConstruct, header, text,
            $"'{text}' is a related construct, not a synonym: the built-in vocabulary counts it as the {vocabulary.Field} '{vocabulary.Label(value)}', " +
            $"and it is imported so here and on every later row of this sheet. To keep it apart, declare '{text}' as {ControlledVocabulary.WithArticle(vocabulary.Field)} on the Vocabulary sheet.",
            ProblemSeverity.Warning);
    }

    private const int MemoLimit = 4096;

    private static string ExtendHint<T>(Vocabulary<T> vocabulary) where T : notnull =>
        typeof(T) == typeof(InterventionType) || typeof(T) == typeof(OutcomeDomain) || typeof(T) == typeof(ConfigurationFamily)
            ? $" To add {ControlledVocabulary.WithArticle(vocabulary.Field)}, declare it on the Vocabulary sheet."
            : "";

    /// <summary>Whole numbers as people type them and Excel stores them: "120", "120.0", "1,200" is not accepted (ambiguous).</summary>
    private static bool TryWholeNumber(string text, out long number)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out number))
            return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            && value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            number = (long)value;
            return true;
        }
        return false;
    }
}

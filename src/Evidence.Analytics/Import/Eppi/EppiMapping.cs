using System.Globalization;

namespace Evidence.Analytics.Import;

/// <summary>How an EPPI-Reviewer review's codes map to the evidence base: by default a code set named like a field
/// ("Design", "Intervention type", "Outcome domain") holds that field's terms; a mapping file says so for code sets and
/// codes named otherwise, or marks codes as not imported.</summary>
/// <remarks>
/// <para>A mapping file is a CSV file with the header <c>Code,Field,Term</c>. <c>Code</c> is a code's path from its code
/// set, its names joined by <c>&gt;</c> ("Study design &gt; Randomised controlled trial"); <c>Field</c> is a field
/// (<see cref="EppiField.All"/>: Design, Countries, Intervention type, Outcome domain, …) or <c>Ignore</c>; <c>Term</c>,
/// optional, is the term the code means. A code takes the line of the longest path that leads to it: with a term, the
/// code means that term; without one, the name below the mapped path is read as a term of the field (under Outcome
/// domain, the name after the domain is its direction of effect).</para>
/// <para>A code that no line maps and whose code set is not named like a field is an error naming its path and the
/// reference it is coded on: nothing is left out unless a line says <c>Ignore</c>.</para>
/// </remarks>
internal sealed class EppiMapping
{
    private readonly Dictionary<string, (EppiField? Field, string? Term, int Row)> _lines = new(StringComparer.Ordinal);

    public static EppiMapping Default { get; } = new();

    /// <summary>The path's key: its names matched ignoring case, spacing and punctuation.</summary>
    private static string Key(IEnumerable<string> path) => string.Join(" > ", path.Select(p => Vocabulary<string>.Key(p)));

    /// <summary>Reads a mapping file's text; problems are located by the file's row and column.</summary>
    public static EppiMapping Read(string text, string file, List<ImportProblem> problems)
    {
        var mapping = new EppiMapping();
        var rows = CsvRows.Read(text);
        if (rows.Count == 0 || rows[0].Cells.Length < 2
            || !string.Equals(rows[0].Cells[0], "Code", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(rows[0].Cells[1], "Field", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ImportProblem(ProblemKind.MissingColumn, ProblemSeverity.Error, file, "Mapping", 1, null, null, rows.Count == 0 ? null : string.Join(",", rows[0].Cells),
                "A mapping file starts with the header 'Code,Field,Term': a code's path (names joined by '>'), the field it maps to (or Ignore), and optionally the term it means."));
            return mapping;
        }
        foreach (var (row, cells) in rows.Skip(1))
        {
            string code = cells[0], fieldName = cells.Length > 1 ? cells[1] : "", term = cells.Length > 2 ? cells[2] : "";
            void Problem(ProblemKind kind, string column, string? value, string message) =>
                problems.Add(new ImportProblem(kind, ProblemSeverity.Error, file, "Mapping", row, column, null, value, message));
            string[] path = SplitPath(code);
            if (path.Length == 0) { Problem(ProblemKind.MissingValue, "Code", null, "The code's path is missing: its names from the code set down, joined by '>'."); continue; }
            EppiField? field = null;
            bool ignore = string.Equals(fieldName.Trim(), EppiField.Ignore, StringComparison.OrdinalIgnoreCase);
            if (!ignore && (field = EppiField.Find(fieldName)) is null)
            {
                Problem(ProblemKind.UnknownVocabulary, "Field", fieldName,
                    $"'{fieldName}' is not a field codes map to; expected one of: {string.Join("; ", EppiField.All.Select(f => f.Name))}; or {EppiField.Ignore} for codes not imported.");
                continue;
            }
            if (field is { Vocabulary: { } vocabulary, IsExtensible: false } && term.Length > 0 && vocabulary.LabelOf(term) is null)
            {
                Problem(ProblemKind.UnknownVocabulary, "Term", term, vocabulary.UnknownMessage(term));
                continue;
            }
            string key = Key(path);
            if (mapping._lines.TryGetValue(key, out var first))
            {
                Problem(ProblemKind.DuplicateId, "Code", code, string.Create(CultureInfo.InvariantCulture, $"The code '{code}' is already mapped on row {first.Row}; map each code once."));
                continue;
            }
            mapping._lines[key] = (field, term.Length == 0 ? null : term, row);
        }
        return mapping;
    }

    /// <summary>A path's names: split on '>' and trimmed.</summary>
    public static string[] SplitPath(string code) =>
        code.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How a code maps: its field (null for an ignored code), the term named for it, and the names below the
    /// mapped path; false when nothing maps it.</summary>
    public bool TryResolve(IReadOnlyList<string> path, out EppiField? field, out string? term, out IReadOnlyList<string> below, out bool ignored)
    {
        for (int length = path.Count; length >= 1; length--)
        {
            if (_lines.TryGetValue(Key(path.Take(length)), out var line))
            {
                field = line.Field;
                term = line.Term;
                below = [.. path.Skip(length)];
                ignored = line.Field is null;
                return true;
            }
        }
        ignored = false;
        term = null;
        below = [.. path.Skip(1)];
        field = EppiField.Find(path[0]);
        return field is not null;
    }
}

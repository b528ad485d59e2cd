using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Reads RIS text into records (see <see cref="RecordFile"/> for the tags read).</summary>
internal static class RisRecordReader
{
    /// <summary>The tags whose continuation lines are new items rather than more of the same value.</summary>
    private static readonly HashSet<string> ListTags = ["AU", "A1", "KW"];

    public static RecordImport Read(string text, string file, List<ImportProblem> problems)
    {
        var records = ImmutableArray.CreateBuilder<Record>();
        Fields? open = null;
        int number = 0, lineNumber = 0;
        string? lastTag = null;
        foreach (var span in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            string line = span.TrimEnd().ToString();
            if (TryTag(line, out string tag, out string value))
            {
                if (tag == "TY")
                {
                    if (open is not null) Unterminated(problems, file, open, $"before the next record starts on line {lineNumber}");
                    open = new Fields(++number, lineNumber);
                }
                else if (tag == "ER")
                {
                    if (open is null) Outside(problems, file, lineNumber, line, "an 'ER' line with no record open (no 'TY  -' line before it)");
                    else records.Add(open.ToRecord(file, problems));
                    open = null;
                }
                else if (open is null) Outside(problems, file, lineNumber, line, $"the tag {tag} outside a record (no 'TY  -' line starts one)");
                else open.Add(tag, value, lineNumber);
                lastTag = tag;
                continue;
            }
            if (line.Length == 0) continue;
            if (open is null || lastTag is null || lastTag is "TY" or "ER")
                Outside(problems, file, lineNumber, line, "a line outside a record");
            else open.Continue(lastTag, line.Trim(), ListTags.Contains(lastTag));
        }
        if (open is not null) Unterminated(problems, file, open, "before the end of the file");
        return new RecordImport(file, records.ToImmutable(), [.. problems]);
    }

    /// <summary>A tag line: two characters (a capital letter, then a capital or digit), spaces or tabs, '-', then the value.</summary>
    private static bool TryTag(string line, out string tag, out string value)
    {
        tag = value = "";
        if (line.Length < 3 || !char.IsAsciiLetterUpper(line[0]) || !(char.IsAsciiLetterUpper(line[1]) || char.IsAsciiDigit(line[1]))) return false;
        int i = 2;
        while (i < line.Length && line[i] is ' ' or '\t') i++;
        if (i == 2 || i >= line.Length || line[i] != '-') return false;
        if (i + 1 < line.Length && line[i + 1] is not (' ' or '\t')) return false;
        tag = line[..2];
        value = line[(i + 1)..].Trim();
        return true;
    }

    private static void Unterminated(List<ImportProblem> problems, string file, Fields open, string where) =>
        problems.Add(new ImportProblem(ProblemKind.MalformedRecord, ProblemSeverity.Error, file, null, open.Line, "ER", null, null,
            string.Create(CultureInfo.InvariantCulture, $"Record {open.Number} (line {open.Line}{(open.Title is { } t ? $", '{Shorten(t)}'" : "")}) has no 'ER  -' line {where}, so it is not imported; end each record with 'ER  -'.")));

    private static void Outside(List<ImportProblem> problems, string file, int line, string text, string what) =>
        problems.Add(new ImportProblem(ProblemKind.MalformedRecord, ProblemSeverity.Warning, file, null, line, null, null, Shorten(text),
            string.Create(CultureInfo.InvariantCulture, $"Line {line} is {what}; it is not imported.")));

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>The tagged values of one record, in file order.</summary>
    private sealed class Fields(int number, int line)
    {
        private readonly List<(string Tag, string Value, int Line)> _values = [];

        public int Number { get; } = number;

        public int Line { get; } = line;

        public string? Title => First("TI") ?? First("T1");

        public void Add(string tag, string value, int line) => _values.Add((tag, value, line));

        public void Continue(string tag, string text, bool newItem)
        {
            int last = _values.FindLastIndex(v => v.Tag == tag);
            if (newItem || _values[last].Value.Length == 0) _values.Add((tag, text, _values[last].Line));
            else _values[last] = (tag, _values[last].Value + " " + text, _values[last].Line);
        }

        private string? First(params string[] tags)
        {
            foreach (string tag in tags)
            {
                foreach (var (t, value, _) in _values)
                {
                    if (t == tag && value.Length > 0) return value;
                }
            }
            return null;
        }

        private ImmutableArray<string> All(params string[] tags) =>
            [.. _values.Where(v => tags.Contains(v.Tag) && v.Value.Length > 0).Select(v => v.Value)];

        public Record ToRecord(string file, List<ImportProblem> problems)
        {
            int? year = null;
            foreach (string tag in (string[])["PY", "Y1", "DA"])
            {
                var given = _values.FirstOrDefault(v => v.Tag == tag && v.Value.Length > 0);
                if (given.Tag is null) continue;
                year = RecordFile.LeadingYear(given.Value);
                if (year is null)
                    problems.Add(new ImportProblem(ProblemKind.NotANumber, ProblemSeverity.Warning, file, null, given.Line, tag, null, given.Value,
                        string.Create(CultureInfo.InvariantCulture, $"Record {Number}: '{given.Value}' does not start with a four-digit year, so the record has no year.")));
                break;
            }
            return new Record
            {
                Id = Number.ToString(CultureInfo.InvariantCulture),
                ReferenceId = First("ID"),
                Title = Title,
                Abstract = First("AB") ?? First("N2"),
                Authors = All("AU", "A1"),
                Year = year,
                Journal = First("T2", "JO", "JF", "JA", "J2"),
                Doi = First("DO"),
                Keywords = All("KW"),
                Url = First("UR"),
                Database = First("DB") ?? First("DP"),
                Included = Label(All("N1")),
                File = file,
                Line = Line,
            };
        }

        /// <summary>ASReview's label in the notes: the first note naming one decides.</summary>
        private static bool? Label(ImmutableArray<string> notes)
        {
            foreach (string note in notes)
            {
                if (note.Contains("ASReview_relevant", StringComparison.Ordinal)) return true;
                if (note.Contains("ASReview_irrelevant", StringComparison.Ordinal)) return false;
                if (note.Contains("ASReview_not_seen", StringComparison.Ordinal)) return null;
            }
            return null;
        }
    }
}

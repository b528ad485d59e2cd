using System.Collections.Immutable;
using System.Globalization;
using Evidence.Analytics.Import;

namespace Evidence.Analytics;

/// <summary>Reads records from the first sheet of a workbook or a CSV/TSV file, with ASReview's column names (see <see cref="RecordFile"/>).</summary>
internal static class TableRecordReader
{
    private enum Field { Id, Title, Abstract, Authors, Keywords, Year, Journal, Doi, Url, Database }

    private static readonly (Field Field, string[] Names)[] Columns =
    [
        (Field.Id, ["record_id"]),
        (Field.Title, ["title", "primary_title"]),
        (Field.Abstract, ["abstract", "notes_abstract", "abstract note"]),
        (Field.Authors, ["authors", "first_authors", "author names", "author"]),
        (Field.Keywords, ["keywords", "author keywords"]),
        (Field.Year, ["year", "publication_year", "publication year", "published year"]),
        (Field.Journal, ["journal", "secondary_title", "source title", "publication title", "journal/book"]),
        (Field.Doi, ["doi"]),
        (Field.Url, ["url"]),
        (Field.Database, ["database", "source database"]),
    ];

    public static RecordImport Read(WorkbookSource source, string file, string? labelColumn)
    {
        var problems = new List<ImportProblem>();
        if (source.SheetNames.Count == 0) return RecordFile.Refused(file, ProblemKind.MissingSheet, "The workbook has no sheets.");
        var sheet = source.OpenSheet(source.SheetNames[0]);
        string? sheetName = source is CsvWorkbookSource ? null : sheet.Name;
        var rows = sheet.ReadRows().ToList();
        problems.AddRange(source.OpeningProblems);
        var header = rows.FirstOrDefault(r => !r.IsBlank);
        if (header is null)
        {
            problems.Add(new ImportProblem(ProblemKind.MissingColumn, ProblemSeverity.Error, file, sheetName, null, null, null, null, "The file is empty; expected a header row with at least a 'title' column."));
            return new RecordImport(file, [], [.. problems]);
        }
        string[] headings = [.. header.Cells.Select(c => c.Text?.Trim() ?? "")];
        int Find(IEnumerable<string> names)
        {
            foreach (string name in names)
            {
                int i = Array.FindIndex(headings, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (i >= 0) return i;
            }
            return -1;
        }
        var columns = Columns.ToDictionary(c => c.Field, c => Find(c.Names));
        int label = labelColumn is null ? Find(RecordFile.LabelColumns) : Find([labelColumn]);
        string Listed() => string.Join(", ", headings.Where(h => h.Length > 0).Select(h => $"'{h}'"));
        if (labelColumn is not null && label < 0)
            problems.Add(new ImportProblem(ProblemKind.MissingColumn, ProblemSeverity.Error, file, sheetName, header.Number, labelColumn, null, null,
                $"There is no label column '{labelColumn}'; the headings are: {Listed()}."));
        if (columns[Field.Title] < 0)
            problems.Add(new ImportProblem(ProblemKind.MissingColumn, ProblemSeverity.Error, file, sheetName, header.Number, "title", null, null,
                $"No title column ('title' or 'primary_title'); the headings are: {Listed()}."));
        if (problems.Any(p => p.IsError)) return new RecordImport(file, [], [.. problems]);

        var records = ImmutableArray.CreateBuilder<Record>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int number = 0;
        foreach (var row in rows.Where(r => r.Number > header.Number && !r.IsBlank))
        {
            number++;
            bool ok = true;
            string? Cell(int column) => column >= 0 && column < row.Cells.Length ? RecordFile.Clean(row.Cells[column].Text) : null;
            void Problem(ProblemKind kind, ProblemSeverity severity, int column, string? value, string message) =>
                problems.Add(new ImportProblem(kind, severity, file, sheetName, row.Number, headings[column], CellReference.Of(row.Number, column), value, message));

            foreach (var quoted in row.Quoting?.Where(q => q.IsUnbalanced) ?? [])
            {
                Problem(ProblemKind.UnbalancedQuote, ProblemSeverity.Error, quoted.Column, quoted.FirstLineOf(row), quoted.Describe());
                ok = false;
            }
            string id = Cell(columns[Field.Id]) ?? number.ToString(CultureInfo.InvariantCulture);
            if (columns[Field.Id] >= 0)
            {
                if (Cell(columns[Field.Id]) is null)
                {
                    Problem(ProblemKind.MissingValue, ProblemSeverity.Error, columns[Field.Id], "", "The record id is blank; every record needs one when the file has a record_id column.");
                    ok = false;
                }
                else if (ids.TryGetValue(id, out int first))
                {
                    Problem(ProblemKind.DuplicateId, ProblemSeverity.Error, columns[Field.Id], id, string.Create(CultureInfo.InvariantCulture, $"The record id '{id}' is already used on row {first}; each record needs its own id."));
                    ok = false;
                }
                else ids[id] = row.Number;
            }
            bool? included = null;
            if (label >= 0 && Cell(label) is { } labelText)
            {
                if (TryLabel(labelText, out bool? parsed)) included = parsed;
                else
                {
                    Problem(ProblemKind.UnknownVocabulary, ProblemSeverity.Error, label, labelText,
                        $"'{labelText}' is not a screening label; expected 1 or 0 (also yes/no, y/n, true/false, included/excluded), or blank for a record not yet labelled.");
                    ok = false;
                }
            }
            int? year = null;
            if (Cell(columns[Field.Year]) is { } yearText)
            {
                if (double.TryParse(yearText, NumberStyles.Float, CultureInfo.InvariantCulture, out double y) && y == Math.Floor(y) && y is >= 1000 and <= 9999) year = (int)y;
                else if (RecordFile.LeadingYear(yearText) is { } leading) year = leading; // "2014//", "2014/05/01"
                else Problem(ProblemKind.NotANumber, ProblemSeverity.Warning, columns[Field.Year], yearText, $"'{yearText}' is not a year, so the record has no year.");
            }
            if (!ok) continue;
            records.Add(new Record
            {
                Id = id,
                Title = Cell(columns[Field.Title]),
                Abstract = Cell(columns[Field.Abstract]),
                Authors = Split(Cell(columns[Field.Authors])),
                Keywords = Split(Cell(columns[Field.Keywords])),
                Year = year,
                Journal = Cell(columns[Field.Journal]),
                Doi = Cell(columns[Field.Doi]),
                Url = Cell(columns[Field.Url]),
                Database = Cell(columns[Field.Database]),
                Included = included,
                File = file,
                Line = row.Number,
            });
        }
        return new RecordImport(file, records.ToImmutable(), [.. problems]);
    }

    private static ImmutableArray<string> Split(string? value) =>
        value is null ? [] : [.. value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>A label value: 1/0 (also 1.0/0.0 as pandas writes them), yes/no, y/n, true/false, included/excluded,
    /// relevant/irrelevant; -1 is ASReview's "not labelled".</summary>
    internal static bool TryLabel(string text, out bool? label)
    {
        label = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "1" or "1.0" or "yes" or "y" or "true" or "include" or "included" or "relevant":
                label = true;
                return true;
            case "0" or "0.0" or "no" or "n" or "false" or "exclude" or "excluded" or "irrelevant":
                label = false;
                return true;
            case "-1" or "-1.0":
                return true;
            default:
                return false;
        }
    }
}

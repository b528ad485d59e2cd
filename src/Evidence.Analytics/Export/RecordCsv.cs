using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Writes records to screen as a CSV file with ASReview's column names, so that ASReview (and
/// <see cref="RecordFile"/>) read it back: record_id, title, abstract, authors, year, journal, doi, keywords, url,
/// database, label_included (1, 0 or blank), and the file and line each record came from.</summary>
/// <remarks>Authors and keywords are joined with "; ". Fields are escaped by <see cref="CsvField.Escape"/>.</remarks>
public static class RecordCsv
{
    /// <summary>The header line's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["record_id", "title", "abstract", "authors", "year", "journal", "doi", "keywords", "url", "database", "label_included", "source_file", "source_line"];

    /// <summary>Writes the header and one line per record.</summary>
    public static void Write(TextWriter writer, IEnumerable<Record> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        writer.Write(string.Join(",", Columns));
        writer.Write("\r\n");
        foreach (var r in records)
        {
            string?[] fields =
            [
                r.Id, r.Title, r.Abstract, string.Join("; ", r.Authors), r.Year?.ToString(CultureInfo.InvariantCulture), r.Journal, r.Doi,
                string.Join("; ", r.Keywords), r.Url, r.Database, r.Included switch { true => "1", false => "0", null => "" }, r.File,
                r.Line > 0 ? r.Line.ToString(CultureInfo.InvariantCulture) : "",
            ];
            writer.Write(string.Join(",", fields.Select(CsvField.Escape)));
            writer.Write("\r\n");
        }
    }
}

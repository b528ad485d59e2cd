using System.Globalization;

namespace Evidence.Analytics.Cli;

/// <summary>Writes records as RIS, with ASReview's label in N1 (<c>ASReview_relevant</c>, <c>ASReview_irrelevant</c>,
/// <c>ASReview_not_seen</c>), so that <see cref="RecordFile"/> and ASReview read them back with their labels.</summary>
internal static class RisWriter
{
    public static void Write(TextWriter writer, IEnumerable<Record> records)
    {
        foreach (var r in records)
        {
            void Tag(string tag, string? value)
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                // RIS has no escaping: a line break inside a value would start a new tag, so it becomes a space.
                writer.Write(tag);
                writer.Write("  - ");
                writer.Write(value.ReplaceLineEndings(" "));
                writer.Write("\r\n");
            }
            Tag("TY", "JOUR");
            Tag("TI", r.Title);
            Tag("AB", r.Abstract);
            foreach (string author in r.Authors) Tag("AU", author);
            Tag("PY", r.Year?.ToString(CultureInfo.InvariantCulture));
            Tag("T2", r.Journal);
            Tag("DO", r.Doi);
            foreach (string keyword in r.Keywords) Tag("KW", keyword);
            Tag("UR", r.Url);
            Tag("DB", r.Database);
            Tag("N1", r.Included switch { true => "ASReview_relevant", false => "ASReview_irrelevant", null => "ASReview_not_seen" });
            writer.Write("ER  - \r\n\r\n");
        }
    }
}

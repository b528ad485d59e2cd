using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Writes screening records as RIS (lines end with "\r\n"), with ASReview's label in N1
/// (<c>ASReview_relevant</c>, <c>ASReview_irrelevant</c>, <c>ASReview_not_seen</c>), so that <see cref="RecordFile"/>
/// and ASReview read them back with their labels.</summary>
internal static class RecordRis
{
    private const string LineEnd = "\r\n";

    public static void Write(TextWriter writer, IEnumerable<Record> records)
    {
        foreach (var r in records)
        {
            void Tag(string tag, string? value) => RisTags.Write(writer, tag, value, LineEnd);
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
            RisTags.End(writer, LineEnd);
        }
    }
}

using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The included studies as RIS, the reference-manager format (EndNote, Zotero, Mendeley, ASReview): one
/// <c>TY  - JOUR</c> record per study with its id (<c>ID</c>), authors (<c>AU</c>, one per author), year (<c>PY</c>),
/// title (<c>TI</c>), DOI (<c>DO</c>) and DOI link (<c>UR</c>).</summary>
/// <remarks>Authors are split where the Studies sheet separates them (';' or ','). The study id in <c>ID</c> is what
/// <c>evidence convert --citations</c> matches when it reads citations back into the Studies sheet.</remarks>
public static class StudiesRis
{
    /// <summary>Writes the studies as RIS records, in the evidence base's order (lines end with "\n").</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(EvidenceBase evidence, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var study in evidence.Studies)
        {
            var citation = study.Citation;
            void Tag(string tag, string value) => RisTags.Write(writer, tag, value, "\n");
            Tag("TY", "JOUR");
            Tag("ID", study.Id);
            foreach (string author in Authors(citation.Authors)) Tag("AU", author);
            Tag("PY", citation.Year.ToString(CultureInfo.InvariantCulture));
            Tag("TI", citation.Title);
            if (citation.Doi is { } doi)
            {
                Tag("DO", doi);
                Tag("UR", citation.DoiUrl!.ToString());
            }
            RisTags.End(writer, "\n");
        }
    }

    /// <summary>The studies as RIS text (see <see cref="Write"/>).</summary>
    public static string ToRis(EvidenceBase evidence)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(evidence, writer);
        return writer.ToString();
    }

    /// <summary>The authors of a citation, split where the Studies sheet separates them.</summary>
    internal static IEnumerable<string> Authors(string authors) =>
        authors.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>The JSON an interactive evidence map embeds: vocabularies, interventions and studies with their findings,
/// with every reference written as an index into a vocabulary or the intervention list.</summary>
/// <remarks>Indices keep a 10,000-study page small and let the page's script count with typed arrays. The encoder
/// escapes <c>&lt; &gt; &amp; ' "</c>, control characters and U+2028/U+2029, so the JSON can sit inside a
/// <c>&lt;script&gt;</c> element: no value can close the element or start a comment.</remarks>
internal static class InteractiveEvidenceMapData
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static string ToJson(EvidenceBase evidence, InteractiveEvidenceMapOptions options, string title, string version)
    {
        // The library's own label lists and orders (seeded terms first, then those the data add; countries sorted).
        var index = EvidenceIndex.For(evidence);
        var typeIndex = Ordinals(index.Types);
        var domainIndex = Ordinals(index.Domains);
        var countryIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < index.Countries.Length; i++) countryIndex[index.Countries[i]] = i;
        var interventionIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < evidence.Interventions.Length; i++) interventionIndex[evidence.Interventions[i].Id] = i;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("library", "Evidence.Analytics");
            json.WriteString("version", version);
            json.WriteString("title", title);
            json.WriteString("review", evidence.Review.Title);
            if (evidence.Review.Notes is { } notes) json.WriteString("notes", notes);
            json.WriteString("cellStyle", options.CellStyle == EvidenceMapCellStyle.Heat ? "heat" : "bubble");
            json.WriteNumber("confidenceLevel", options.ConfidenceLevel);
            json.WriteNumber("z", Normal.InvCDF(0, 1, 1 - (1 - options.ConfidenceLevel) / 2));

            json.WriteStartObject("vocab");
            WriteTerms(json, "interventionTypes", index.Types.Select(t => t.Name), options);
            WriteTerms(json, "outcomeDomains", index.Domains.Select(d => d.Name), options);
            WriteTerms(json, "designs", Enum.GetValues<StudyDesign>().Select(d => d.Label()), options);
            WriteTerms(json, "designGroups", Enum.GetValues<DesignGroup>().Select(g => g.Label()), options);
            json.WriteStartArray("designGroupOfDesign");
            foreach (var design in Enum.GetValues<StudyDesign>()) json.WriteNumberValue((int)design.Group());
            json.WriteEndArray();
            WriteTerms(json, "typologyLevels", Enum.GetValues<TypologyLevel>().Select(Vocabularies.TypologyLevel.Label), options);
            WriteTerms(json, "timings", Enum.GetValues<PopulationTiming>().Select(t => t.Label()), options);
            WriteTerms(json, "countries", index.Countries, options);
            json.WriteStartArray("directions");
            foreach (var direction in Enum.GetValues<Direction>())
            {
                json.WriteStartObject();
                json.WriteString("label", direction.Label());
                json.WriteString("symbol", Symbol(direction));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("direction");
            foreach (var direction in Enum.GetValues<Direction>())
                json.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(direction.ToString()), (int)direction);
            json.WriteEndObject();
            json.WriteNumber("threshold", WithinStudyDirection.DefaultThreshold);
            json.WriteNumber("rct", (int)DesignGroup.Rct);
            json.WriteEndObject();

            WriteInitialView(json, evidence, index, options);

            json.WriteStartArray("interventions");
            foreach (var intervention in evidence.Interventions)
            {
                json.WriteStartObject();
                json.WriteString("id", intervention.Id);
                json.WriteString("name", intervention.Name);
                json.WriteStartArray("types");
                foreach (var type in intervention.Types) json.WriteNumberValue(typeIndex[type]);
                json.WriteEndArray();
                json.WriteNumber("level", (int)intervention.Typology.Level);
                if (intervention.Timing is { } timing) json.WriteNumber("timing", (int)timing);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            // Each study as an array in the order of StudyFields: without the keys the JSON of a 10,000-study page is a
            // quarter smaller, and the page parses it that much faster. A missing DOI or timing is null.
            WriteNames(json, "studyFields", StudyFields);
            json.WriteStartArray("studies");
            // Sorted by citation so that the page's default order needs no sorting (Ordinal: the same in every culture).
            foreach (var study in evidence.Studies.OrderBy(s => s.Citation.ShortLabel, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.OrdinalIgnoreCase))
            {
                var citation = study.Citation;
                json.WriteStartArray();
                json.WriteStringValue(study.Id);
                json.WriteStringValue(citation.Authors);
                json.WriteNumberValue(citation.Year);
                json.WriteStringValue(citation.Title);
                if (citation.Doi is { } doi) json.WriteStringValue(doi); else json.WriteNullValue();
                json.WriteStringValue(citation.ShortLabel);
                json.WriteNumberValue((int)study.Design);
                WriteIndices(json, null, study.Countries.Select(c => countryIndex[c]));
                WriteIndices(json, null, study.InterventionIds.Select(id => interventionIndex[id]));
                if (study.Timing is { } timing) json.WriteNumberValue((int)timing); else json.WriteNullValue();

                // The findings flat, three numbers each: intervention index (-1 for all the study's interventions),
                // domain, direction.
                json.WriteStartArray();
                foreach (var finding in evidence.FindingsOf(study))
                {
                    json.WriteNumberValue(finding.InterventionId is { } id ? interventionIndex[id] : -1);
                    json.WriteNumberValue(domainIndex[finding.Domain]);
                    json.WriteNumberValue((int)finding.Direction);
                }
                json.WriteEndArray();
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // The page's first view (intervention type by outcome domain, no filters) as the library counts it, so the page can
    // draw it without indexing and counting 10,000 studies first: the cells row by row, the row and column totals, the
    // studies in the map, the study–cell entries, and per outcome the RCTs reporting improvement out of those reporting
    // a direction (the page computes the Wilson intervals and the ranking itself, as it does after every filter change).
    private static void WriteInitialView(Utf8JsonWriter json, EvidenceBase evidence, EvidenceIndex index, InteractiveEvidenceMapOptions options)
    {
        var map = evidence.Map(Dimension.InterventionType, Dimension.OutcomeDomain);
        json.WriteStartObject("initial");
        WriteIndices(json, "cells", map.Cells.OrderBy(c => c.RowIndex).ThenBy(c => c.ColumnIndex).Select(c => c.Studies));
        WriteIndices(json, "rows", map.RowTotals);
        WriteIndices(json, "cols", map.ColumnTotals);
        json.WriteNumber("total", map.TotalStudies);
        json.WriteNumber("entries", map.CellEntries);
        json.WriteStartArray("shares");
        for (int d = 0; d < index.Domains.Length; d++)
        {
            var share = evidence.Share(DesignGroup.Rct, index.Domains[d], level: options.ConfidenceLevel);
            if (share.Denominator == 0) continue;
            json.WriteStartArray();
            json.WriteNumberValue(d);
            json.WriteNumberValue(share.Numerator);
            json.WriteNumberValue(share.Denominator);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static string Symbol(Direction direction) => direction switch
    {
        Direction.Improved => "▲",
        Direction.Worsened => "▼",
        Direction.NoDifference or Direction.Mixed => "◄►",
        _ => "?",
    };

    private static Dictionary<T, int> Ordinals<T>(T[] terms) where T : Term
    {
        var index = new Dictionary<T, int>();
        for (int i = 0; i < terms.Length; i++) index[terms[i]] = i;
        return index;
    }

    /// <summary>The names of a study's fields in the page's data, in the order each study's array holds them.</summary>
    internal static readonly string[] StudyFields =
        ["id", "authors", "year", "title", "doi", "label", "design", "countries", "interventions", "timing", "findings"];

    private static void WriteNames(Utf8JsonWriter json, string name, IEnumerable<string> names)
    {
        json.WriteStartArray(name);
        foreach (string value in names) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteIndices(Utf8JsonWriter json, string? name, IEnumerable<int> indices)
    {
        if (name is null) json.WriteStartArray(); else json.WriteStartArray(name);
        foreach (int index in indices) json.WriteNumberValue(index);
        json.WriteEndArray();
    }

    private static void WriteTerms(Utf8JsonWriter json, string name, IEnumerable<string> labels, InteractiveEvidenceMapOptions options)
    {
        json.WriteStartArray(name);
        foreach (string label in labels)
        {
            json.WriteStartObject();
            json.WriteString("label", label);
            string? description = options.Descriptions.TryGetValue(label, out string? given) ? given : TermDescriptions.Of(label);
            if (description is not null) json.WriteString("description", description);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}

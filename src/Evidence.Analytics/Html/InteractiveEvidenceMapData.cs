using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>The data an interactive evidence map embeds, in two blocks. <see cref="Page"/> is plain JSON with what the
/// page draws at once: the library version, the vocabularies, the first view's counts and shares, and the studies the
/// page lists first. <see cref="Records"/> holds every intervention and study with its findings, as JSON compressed
/// with DEFLATE (RFC 1951) and written in Base64, which the page reads once the document is read and a frame drawn, or
/// at once if the reader acts first.</summary>
/// <remarks>
/// <para>The split is for load time. A 10,000-study page is 2.4 MB of records, which a browser takes longer to read and
/// parse than to do everything else; none of it is needed to draw the first view, which the library has counted.
/// Compressed and in Base64, the records are an eighth of their size.</para>
/// <para>Every reference is an index into a vocabulary or the intervention list, and records are stored by column (one
/// array per field, lists flattened with a count per record), which browsers parse several times faster than one
/// array per study. A finding is one number (<see cref="PackedFinding"/>).</para>
/// <para>The encoder escapes <c>&lt; &gt; &amp; ' "</c>, control characters and U+2028/U+2029, so the page JSON can
/// sit inside a <c>&lt;script&gt;</c> element: no value can close the element or start a comment. Base64 has no such
/// characters at all.</para>
/// </remarks>
/// <param name="Page">The page JSON.</param>
/// <param name="Records">The records JSON, deflated and in Base64.</param>
internal sealed record InteractiveEvidenceMapData(string Page, string Records)
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>How many studies the page lists at first, and so how many the page JSON carries.</summary>
    internal const int FirstListLength = 100;

    public static InteractiveEvidenceMapData Create(EvidenceBase evidence, InteractiveEvidenceMapOptions options, string title, string version)
    {
        // The library's own label lists and orders (seeded terms first, then those the data add; countries sorted).
        var index = EvidenceIndex.For(evidence);

        // Sorted by citation so that the page's default order needs no sorting (ordinal: the same in every culture).
        int[] order = [.. Enumerable.Range(0, index.Studies.Length)
            .OrderBy(s => index.Studies[s].Citation.ShortLabel, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => index.Studies[s].Id, StringComparer.OrdinalIgnoreCase)];
        var studies = order.Select(s => index.Studies[s]).ToArray();
        var (records, recordsLength) = DeflatedRecords(evidence, index, order, studies);
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
            // Whether any study has an overall risk of bias, so the page offers its high-risk overlay.
            json.WriteBoolean("riskOfBias", evidence.Studies.Any(s => evidence.OverallRiskOfBias(s) is not null));
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
            // What the page shows before it has read the records: how many there are, the year range for the year
            // filter, whether the country and timing dimensions need a "Not reported" row, and the studies it lists
            // first (in citation order) with each one's direction per outcome as the library resolves it.
            json.WriteNumber("studyCount", studies.Length);
            json.WriteNumber("interventionCount", evidence.Interventions.Length);
            WriteIndices(json, "years", studies.Length == 0 ? [0, 0] : [studies.Min(s => s.Citation.Year), studies.Max(s => s.Citation.Year)]);
            json.WriteBoolean("withoutCountry", studies.Any(s => s.Countries.IsEmpty));
            json.WriteBoolean("withoutTiming", studies.Any(s => s.Timing is null));
            json.WriteNumber("listLength", FirstListLength);
            var firstList = studies.Take(FirstListLength).ToArray();
            json.WriteStartObject("firstList");
            WriteStudyTexts(json, firstList);
            WriteIndices(json, "year", firstList.Select(s => s.Citation.Year));
            WriteIndices(json, "design", firstList.Select(s => (int)s.Design));
            json.WriteStartArray("countries");
            foreach (int s in order.Take(FirstListLength)) WriteIndices(json, null, index.StudyCountries[s]);
            json.WriteEndArray();
            // Per study, [domain, direction] pairs in domain order, flat.
            json.WriteStartArray("directions");
            foreach (int s in order.Take(FirstListLength))
            {
                WriteIndices(json, null, Enumerable.Range(index.FindingStart[s], index.FindingStart[s + 1] - index.FindingStart[s])
                    .GroupBy(f => index.FindingDomain[f])
                    .OrderBy(g => g.Key)
                    .SelectMany(g => (int[])[g.Key, (int)WithinStudyDirection.Combine(g.Select(f => (Direction)index.FindingDirection[f]))]));
            }
            json.WriteEndArray();
            json.WriteEndObject();
            // How the records in the page's second data block are written, and their length in bytes once inflated.
            json.WriteStartObject("records");
            json.WriteString("encoding", "deflate-raw, base64");
            json.WriteNumber("length", recordsLength);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        string page = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return new InteractiveEvidenceMapData(page, records);
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

    // The records by column: {"interventions": {"id": [...], "name": [...], ...}, "studies": {"id": [...], ...}},
    // deflated and in Base64. A missing DOI or timing is null. Lists are flat, with a count per record: "types" holds
    // every intervention's types one after another and "typeCounts" how many each has. The lists' items are the
    // evidence index's, by position: studies[k] is index.Studies[order[k]].
    private static (string Base64, long Length) DeflatedRecords(EvidenceBase evidence, EvidenceIndex index, int[] order, Study[] studies)
    {
        var interventions = evidence.Interventions;
        using var buffer = new MemoryStream();
        long length;
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var json = new Utf8JsonWriter(deflate, new JsonWriterOptions { Encoder = Encoder }))
        {
            json.WriteStartObject();
            json.WriteStartObject("interventions");
            WriteStrings(json, "id", interventions.Select(i => i.Id));
            WriteStrings(json, "name", interventions.Select(i => i.Name));
            WriteLists(json, "typeCounts", "types", interventions.Length, (j, items) => items.AddRange(index.InterventionTypes[j]));
            WriteIndices(json, "level", interventions.Select(i => (int)i.Typology.Level));
            WriteOptionalIndices(json, "timing", interventions.Select(i => (int?)i.Timing));
            json.WriteEndObject();
            json.WriteStartObject("studies");
            WriteStudyTexts(json, studies);
            WriteIndices(json, "year", studies.Select(s => s.Citation.Year));
            WriteIndices(json, "design", studies.Select(s => (int)s.Design));
            WriteLists(json, "countryCounts", "countries", order.Length, (k, items) => items.AddRange(index.StudyCountries[order[k]]));
            WriteLists(json, "interventionCounts", "interventions", order.Length, (k, items) => items.AddRange(index.StudyInterventions[order[k]]));
            WriteOptionalIndices(json, "timing", studies.Select(s => (int?)s.Timing));
            WriteOptionalIndices(json, "risk", studies.Select(s => (int?)evidence.OverallRiskOfBias(s)));
            WriteLists(json, "findingCounts", "findings", order.Length, (k, items) =>
            {
                int s = order[k];
                for (int f = index.FindingStart[s]; f < index.FindingStart[s + 1]; f++)
                    items.Add(PackedFinding(index.FindingIntervention[f], index.FindingDomain[f], index.Domains.Length, (Direction)index.FindingDirection[f]));
            });
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            length = json.BytesCommitted;
        }
        return (Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length), length);
    }

    private static void WriteStudyTexts(Utf8JsonWriter json, IEnumerable<Study> studies)
    {
        WriteStrings(json, "id", studies.Select(s => s.Id));
        WriteStrings(json, "authors", studies.Select(s => s.Citation.Authors));
        WriteStrings(json, "title", studies.Select(s => s.Citation.Title));
        WriteStrings(json, "doi", studies.Select(s => s.Citation.Doi));
        WriteStrings(json, "label", studies.Select(s => s.Citation.ShortLabel));
    }

    /// <summary>A finding as the page's one number: ((intervention + 1) × domains + domain) × 8 + direction, where
    /// intervention is -1 for a finding about all its study's interventions. A third of the digits of three numbers.</summary>
    internal static int PackedFinding(int intervention, int domain, int domains, Direction direction)
    {
        const int Directions = 8; // room for Direction's five values
        return checked(((intervention + 1) * domains + domain) * Directions + (int)direction);
    }

    // Lists flattened: how many items each record has, then every record's items one after another. itemsOf adds a
    // record's items to the list it is given; it is asked twice, for the counts and then for the items, so that no list
    // of every record's items (hundreds of thousands of findings) is held.
    private static void WriteLists(Utf8JsonWriter json, string countsName, string itemsName, int records, Action<int, List<int>> itemsOf)
    {
        var items = new List<int>();
        json.WriteStartArray(countsName);
        for (int record = 0; record < records; record++)
        {
            items.Clear();
            itemsOf(record, items);
            json.WriteNumberValue(items.Count);
            Drain(json);
        }
        json.WriteEndArray();
        json.WriteStartArray(itemsName);
        for (int record = 0; record < records; record++)
        {
            items.Clear();
            itemsOf(record, items);
            foreach (int item in items)
            {
                json.WriteNumberValue(item);
                Drain(json);
            }
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (string? value in values)
        {
            if (value is null) json.WriteNullValue(); else json.WriteStringValue(value);
            Drain(json);
        }
        json.WriteEndArray();
    }

    private static void WriteOptionalIndices(Utf8JsonWriter json, string name, IEnumerable<int?> values)
    {
        json.WriteStartArray(name);
        foreach (int? value in values)
        {
            if (value is { } number) json.WriteNumberValue(number); else json.WriteNullValue();
            Drain(json);
        }
        json.WriteEndArray();
    }

    private static void WriteIndices(Utf8JsonWriter json, string? name, IEnumerable<int> indices)
    {
        if (name is null) json.WriteStartArray(); else json.WriteStartArray(name);
        foreach (int index in indices)
        {
            json.WriteNumberValue(index);
            Drain(json);
        }
        json.WriteEndArray();
    }

    /// <summary>Passes what the writer holds on to its stream once it is a block's worth: a writer given a stream
    /// otherwise keeps the whole document in memory until it is flushed (tens of megabytes for 100,000 studies).</summary>
    private static void Drain(Utf8JsonWriter json)
    {
        if (json.BytesPending >= 64 * 1024) json.Flush();
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

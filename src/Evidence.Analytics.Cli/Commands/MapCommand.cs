using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence map FILE [--rows DIM] [--columns DIM] [filters] [--json|--csv]</c>: an evidence and gap map of
/// distinct-study counts, with totals and gaps.</summary>
internal static class MapCommand
{
    public static Command Create()
    {
        var file = EvidenceInput.FileArgument();
        var rows = new Option<string>("--rows") { Description = "The dimension down the side: " + string.Join(", ", Dimensions.Vocabulary.Accepted) + ".", DefaultValueFactory = _ => "intervention type" };
        var columns = new Option<string>("--columns") { Description = "The dimension across the top (any of those --rows accepts).", DefaultValueFactory = _ => "outcome domain" };
        var outcome = new Option<string[]>("--outcome") { Description = "Keep only findings in this outcome domain (including domains the review's Vocabulary sheet adds); repeatable." };
        var gapThreshold = new Option<int>("--gap-threshold") { Description = "Cells with fewer studies than this are listed as thin gaps.", DefaultValueFactory = _ => EvidenceMaps.DefaultGapThreshold };
        var json = new Option<bool>("--json") { Description = "Write the map as JSON: rows, columns, cells with breakdowns, totals and gaps." };
        var csv = new Option<bool>("--csv") { Description = "Write the map as CSV, one line per cell, then the totals." };
        var filters = new EvidenceFilterOptions();
        var command = new Command("map", "An evidence and gap map: studies counted by two dimensions (by default intervention type × outcome domain), each study once in a cell and once in each total, with the gaps (empty cells, cells without an RCT, cells with few studies).")
        {
            file, rows, columns, outcome, gapThreshold, json, csv,
        };
        filters.AddTo(command);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            bool asJson = parseResult.GetValue(json), asCsv = parseResult.GetValue(csv);
            if (asJson && asCsv)
            {
                error.WriteLine("Choose one of --json and --csv.");
                return EvidenceCli.UsageError;
            }
            bool ok = VocabularyOptions.TryParse(error, "--rows", parseResult.GetValue(rows), Dimensions.Vocabulary, out var rowDimension);
            ok &= VocabularyOptions.TryParse(error, "--columns", parseResult.GetValue(columns), Dimensions.Vocabulary, out var columnDimension);
            ok &= filters.Check(parseResult);
            int threshold = parseResult.GetValue(gapThreshold);
            if (threshold < 0)
            {
                error.WriteLine("--gap-threshold cannot be negative.");
                ok = false;
            }
            if (!ok) return EvidenceCli.UsageError;

            var evidence = EvidenceInput.Load(parseResult, parseResult.GetValue(file)!, asJson || asCsv, out int exitCode);
            if (evidence is null) return exitCode;
            // Terms the review's Vocabulary sheet adds are understood, so these are read against the loaded evidence.
            ok = VocabularyOptions.TryParseAll(error, "--outcome", parseResult.GetValue(outcome), evidence.Vocabularies.OutcomeDomains, out var outcomes);
            var filter = filters.Parse(parseResult, evidence.Vocabularies, outcomes);
            if (!ok || filter is null) return EvidenceCli.UsageError;
            var map = evidence.Map(rowDimension, columnDimension, filter, threshold);
            var output = parseResult.InvocationConfiguration.Output;
            if (asJson) output.WriteLine(ToJson(map));
            else if (asCsv) output.Write(ToCsv(map));
            else WriteTable(CliConsole.For(output), map);
            return EvidenceCli.Success;
        });
        return command;
    }

    private static void WriteTable(IAnsiConsole console, EvidenceMap map)
    {
        if (map.TotalStudies == 0)
        {
            // Every cell of an empty map would be listed as a gap: say what happened instead.
            console.Write(new Text($"No study matches the filter ({map.Filter}), so there is nothing to map and no gap to report.{Environment.NewLine}"));
            return;
        }
        var table = new FittedTable { Title = $"{map.Rows.Label()} × {map.Columns.Label()} ({map.Filter})" };
        table.AddColumn(Markup.Escape(map.Rows.Label()));
        foreach (string column in map.ColumnLabels) table.AddColumn(Markup.Escape(column), rightAligned: true);
        table.AddColumn("[bold]Total[/]", rightAligned: true);
        for (int r = 0; r < map.RowLabels.Length; r++)
        {
            var cells = new List<string> { Markup.Escape(map.RowLabels[r]) };
            for (int c = 0; c < map.ColumnLabels.Length; c++)
            {
                var cell = map[r, c];
                cells.Add(cell.IsEmpty ? "[dim]·[/]" : Number(cell.Studies) + (cell.HasRct ? "" : "[dim]*[/]"));
            }
            cells.Add($"[bold]{Number(map.RowTotals[r])}[/]");
            table.AddRow(cells.ToArray());
        }
        table.AddRow([.. map.ColumnTotals.Select(t => $"[bold]{Number(t)}[/]").Prepend("[bold]Total[/]").Append($"[bold]{Number(map.TotalStudies)}[/]")]);
        console.Write(table);
        int empty = map.Gaps.Count(g => g.Kind == GapKind.Absolute), noRct = map.Gaps.Count(g => g.Kind.HasFlag(GapKind.NoRct)), thin = map.Gaps.Count(g => g.Kind.HasFlag(GapKind.Thin));
        console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
            $"Cells count distinct studies; totals count each study once (study–cell entries: {map.CellEntries}). * no RCT; · no studies.{Environment.NewLine}" +
            $"Gaps: {empty} empty cells, {noRct} cells without an RCT, {thin} cells with fewer than {map.GapThreshold} studies.{Environment.NewLine}")));
        if (!map.UnmappedStudyIds.IsEmpty)
        {
            console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
                $"{map.UnmappedStudyIds.Length} studies pass the filter but fall in no cell: {string.Join(", ", map.UnmappedStudyIds)}{Environment.NewLine}")));
        }
    }

    /// <summary>The map as indented JSON with camelCase names, in display order.</summary>
    internal static string ToJson(EvidenceMap map)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("rowDimension", map.Rows.Label());
            writer.WriteString("columnDimension", map.Columns.Label());
            writer.WriteString("filter", map.Filter.ToString());
            Strings(writer, "rows", map.RowLabels);
            Strings(writer, "columns", map.ColumnLabels);
            writer.WriteStartArray("cells");
            foreach (var cell in map.Cells)
            {
                writer.WriteStartObject();
                writer.WriteString("row", cell.Row);
                writer.WriteString("column", cell.Column);
                writer.WriteNumber("studies", cell.Studies);
                Strings(writer, "studyIds", cell.StudyIds);
                writer.WriteStartObject("designGroups");
                writer.WriteNumber("rct", cell.ByDesignGroup.Rct);
                writer.WriteNumber("qualitative", cell.ByDesignGroup.Qualitative);
                writer.WriteNumber("other", cell.ByDesignGroup.Other);
                writer.WriteEndObject();
                writer.WriteStartObject("directions");
                Directions(writer, cell.ByDirection);
                writer.WriteEndObject();
                writer.WriteNumber("findings", cell.Findings);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            Numbers(writer, "rowTotals", map.RowTotals);
            Numbers(writer, "columnTotals", map.ColumnTotals);
            writer.WriteNumber("totalStudies", map.TotalStudies);
            writer.WriteNumber("cellEntries", map.CellEntries);
            writer.WriteNumber("findings", map.Findings);
            Strings(writer, "unmappedStudyIds", map.UnmappedStudyIds);
            writer.WriteNumber("gapThreshold", map.GapThreshold);
            writer.WriteStartArray("gaps");
            foreach (var gap in map.Gaps)
            {
                writer.WriteStartObject();
                writer.WriteString("row", gap.Row);
                writer.WriteString("column", gap.Column);
                writer.WriteNumber("studies", gap.Studies);
                Strings(writer, "kinds", Enum.GetValues<GapKind>().Where(k => k != GapKind.None && gap.Kind.HasFlag(k)).Select(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString())));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One line per cell (row, column, counts, study ids separated by "; "), then the row, column and grand totals
    /// as lines whose other label is "Total".</summary>
    internal static string ToCsv(EvidenceMap map)
    {
        var text = new StringBuilder();
        text.Append("row,column,studies,rct,qualitative,other,improved,noDifference,worsened,mixed,notReported,findings,studyIds\n");
        foreach (var cell in map.Cells)
        {
            var d = cell.ByDirection;
            var g = cell.ByDesignGroup;
            text.Append(CultureInfo.InvariantCulture,
                $"{Csv(cell.Row)},{Csv(cell.Column)},{cell.Studies},{g.Rct},{g.Qualitative},{g.Other},{d.Improved},{d.NoDifference},{d.Worsened},{d.Mixed},{d.NotReported},{cell.Findings},{Csv(string.Join("; ", cell.StudyIds))}\n");
        }
        for (int r = 0; r < map.RowLabels.Length; r++) text.Append(CultureInfo.InvariantCulture, $"{Csv(map.RowLabels[r])},Total,{map.RowTotals[r]},,,,,,,,,,\n");
        for (int c = 0; c < map.ColumnLabels.Length; c++) text.Append(CultureInfo.InvariantCulture, $"Total,{Csv(map.ColumnLabels[c])},{map.ColumnTotals[c]},,,,,,,,,,\n");
        text.Append(CultureInfo.InvariantCulture, $"Total,Total,{map.TotalStudies},,,,,,,,,,\n");
        return text.ToString();
    }

    internal static void Directions(Utf8JsonWriter writer, DirectionCounts counts)
    {
        writer.WriteNumber("improved", counts.Improved);
        writer.WriteNumber("noDifference", counts.NoDifference);
        writer.WriteNumber("worsened", counts.Worsened);
        writer.WriteNumber("mixed", counts.Mixed);
        writer.WriteNumber("notReported", counts.NotReported);
    }

    internal static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter writer, string name, IEnumerable<int> values)
    {
        writer.WriteStartArray(name);
        foreach (int value in values) writer.WriteNumberValue(value);
        writer.WriteEndArray();
    }

    private static string Csv(string value) => CsvField.Escape(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

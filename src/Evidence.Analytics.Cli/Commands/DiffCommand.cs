using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence diff PREVIOUS NEW [-o DIR] [--json]</c>: what changed between two versions of a review (a living
/// map's update): studies added, removed and recoded, the map cells and shares that changed, and PRISMA's previous / new
/// / total counts; with <c>-o</c>, the gap map with the new evidence marked and a CSV of the changes.</summary>
internal static class DiffCommand
{
    /// <summary>The marked gap map's file name, in diff's output folder and in a report's charts folder.</summary>
    internal const string MarkedMapFileName = "evidence-gap-map-changes.svg";

    /// <summary>The CSV of changes' file name in diff's output folder.</summary>
    internal const string ChangesFileName = "changes.csv";

    public static Command Create()
    {
        var previous = new Argument<string>("previous") { Description = "The review's previous version: a workbook, a CSV folder or one CSV file of it, as FILE elsewhere." };
        var current = new Argument<string>("new") { Description = "The review's new version, in any of the same forms." };
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = $"Also write into this folder (created if missing) the new version's gap map with the new evidence marked ({MarkedMapFileName}) and every change as CSV ({ChangesFileName}).",
            HelpName = "folder",
        };
        var qualitative = new Option<bool>("--include-qualitative") { Description = "Count qualitative studies in the shares compared (by default they are reported beside them, as in report)." };
        var json = new Option<bool>("--json") { Description = "Write the changes as JSON." };
        var command = new Command("diff", "What changed between two versions of a review (a living map's update): studies added, removed and recoded (matched by study ID, then DOI, then title and year), the evidence map's cells and the shares that changed, and PRISMA 2020's previous / new / total counts.")
        {
            previous, current, output, qualitative, json,
        };
        command.SetAction(parseResult =>
        {
            bool asJson = parseResult.GetValue(json);
            string previousPath = parseResult.GetValue(previous)!, currentPath = parseResult.GetValue(current)!;
            var before = EvidenceInput.Load(parseResult, previousPath, asJson, out int exitCode, json: asJson);
            if (before is null) return exitCode;
            var after = EvidenceInput.Load(parseResult, currentPath, asJson, out exitCode, json: asJson);
            if (after is null) return exitCode;
            var changes = EvidenceBaseChanges.Between(before, after, parseResult.GetValue(qualitative));
            var written = new List<string>();
            if (parseResult.GetValue(output) is { } folder)
            {
                try
                {
                    Directory.CreateDirectory(folder.FullName);
                    string map = Path.Combine(folder.FullName, MarkedMapFileName);
                    changes.GapMapChart().SaveSvg(map);
                    string csv = Path.Combine(folder.FullName, ChangesFileName);
                    File.WriteAllText(csv, ToCsv(changes), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    written.AddRange([map, csv]);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    parseResult.InvocationConfiguration.Error.WriteLine($"Cannot write the changes to {folder.FullName}: {e.Message}");
                    return EvidenceCli.UsageError;
                }
            }
            var writer = parseResult.InvocationConfiguration.Output;
            if (asJson) writer.WriteLine(ToJson(changes, Name(previousPath), Name(currentPath)));
            else
            {
                Write(CliConsole.For(writer), changes, Name(previousPath), Name(currentPath));
                foreach (string path in written) writer.WriteLine("Wrote " + path);
            }
            return EvidenceCli.Success;
        });
        return command;
    }

    private static string Name(string path) => Path.GetFileName(Path.TrimEndingDirectorySeparator(path));

    private static void Write(IAnsiConsole console, EvidenceBaseChanges changes, string previous, string current)
    {
        var c = CultureInfo.InvariantCulture;
        void Line(string text) => console.Write(new Text(text + Environment.NewLine));
        Line($"What changed from {previous} to {current}");
        Line(changes.Counts + ".");
        if (!changes.HasChanges) Line("No study was added, removed or recoded.");

        if (!changes.Added.IsEmpty || !changes.Removed.IsEmpty)
        {
            var studies = new FittedTable { Title = string.Create(c, $"Studies added ({changes.Added.Length}) and removed ({changes.Removed.Length})") };
            studies.AddColumn("Change").AddColumn("Study").AddColumn("Design").AddColumn("Citation");
            foreach (var study in changes.Added) studies.AddRow("added", Markup.Escape(study.Id), Markup.Escape(study.Design.Label()), Markup.Escape(study.Citation.ToString()));
            foreach (var study in changes.Removed) studies.AddRow("removed", Markup.Escape(study.Id), Markup.Escape(study.Design.Label()), Markup.Escape(study.Citation.ToString()));
            console.Write(studies);
        }
        if (!changes.Changed.IsEmpty)
        {
            var recoded = new FittedTable { Title = string.Create(c, $"Studies recoded ({changes.Changed.Length})") };
            recoded.AddColumn("Study").AddColumn("Field").AddColumn("Previous").AddColumn("Now");
            foreach (var study in changes.Changed)
                foreach (var field in study.Changes)
                    recoded.AddRow(Markup.Escape(study.Current.Id), Markup.Escape(field.Field), Markup.Escape(field.Previous ?? "(blank)"), Markup.Escape(field.Current ?? "(blank)"));
            console.Write(recoded);
        }
        var rematched = changes.Matched.Where(m => m.MatchedBy != StudyMatchRule.Id).ToList();
        if (rematched.Count > 0)
        {
            var table = new FittedTable { Title = string.Create(c, $"Studies found under another ID ({rematched.Count})") };
            table.AddColumn("Study").AddColumn("Previous ID").AddColumn("Matched by");
            foreach (var study in rematched) table.AddRow(Markup.Escape(study.Current.Id), Markup.Escape(study.Previous.Id), MatchedBy(study.MatchedBy));
            console.Write(table);
        }
        if (!changes.Cells.IsEmpty)
        {
            var map = changes.CurrentMap;
            var cells = new FittedTable { Title = string.Create(c, $"Evidence map cells whose studies changed ({changes.Cells.Length})") };
            cells.AddColumn(Markup.Escape(map.Rows.Label())).AddColumn(Markup.Escape(map.Columns.Label())).AddColumn("Before", rightAligned: true).AddColumn("Now", rightAligned: true)
                .AddColumn("New in the cell").AddColumn("No longer in it");
            foreach (var cell in changes.Cells)
            {
                cells.AddRow(Markup.Escape(cell.Row), Markup.Escape(cell.Column), cell.PreviousStudies.ToString(c), cell.CurrentStudies.ToString(c),
                    Markup.Escape(string.Join(", ", cell.NewStudyIds)), Markup.Escape(string.Join(", ", cell.LeftStudyIds)));
            }
            console.Write(cells);
        }
        if (!changes.Shares.IsEmpty)
        {
            var shares = new FittedTable { Title = string.Create(c, $"Shares that changed ({changes.Shares.Length}): studies that reported improvement, of those that reported a direction") };
            shares.AddColumn("Studies").AddColumn("Outcome domain").AddColumn("Before").AddColumn("Now").AddColumn("Headline");
            foreach (var share in changes.Shares)
            {
                shares.AddRow(Designs(share, changes.IncludesQualitative), Markup.Escape(share.Outcome.Name), Markup.Escape(Figure(share.Previous)), Markup.Escape(Figure(share.Current)),
                    share.HeadlineChanged ? "changed" : "as before");
            }
            console.Write(shares);
            Line("Headlines that changed:");
            foreach (var share in changes.Shares.Where(s => s.HeadlineChanged))
            {
                Line($"  {Designs(share, changes.IncludesQualitative)}, {share.Outcome.Name}");
                foreach (string line in FittedTable.Wrap(["before: " + (share.PreviousHeadline ?? "no headline (no study reported a direction)")], console.Profile.Width, indent: "    "))
                    Line(line);
                foreach (string line in FittedTable.Wrap(["now: " + (share.CurrentHeadline ?? "no headline (no study reported a direction)")], console.Profile.Width, indent: "    "))
                    Line(line);
            }
        }
    }

    private static string MatchedBy(StudyMatchRule rule) => rule switch
    {
        StudyMatchRule.Doi => "DOI",
        StudyMatchRule.TitleAndYear => "title and year",
        _ => "study ID",
    };

    private static string Designs(ShareChange share, bool includeQualitative) =>
        share.Design == DesignGroup.Rct ? "RCTs" : includeQualitative ? "all designs" : "quantitative";

    /// <summary>"12/15 = 80% (55–93%)", or "none reported a direction".</summary>
    private static string Figure(Share share) => share.Interval is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{share.Numerator}/{share.Denominator} = {p.Estimate * 100:0}% ({p.Lower * 100:0}–{p.Upper * 100:0}%)")
        : "none reported a direction";

    /// <summary>The changes as indented JSON with camelCase names, every list in the library's order.</summary>
    internal static string ToJson(EvidenceBaseChanges changes, string previousFile, string currentFile) => CliJson.Object(writer =>
    {
        Version(writer, "previous", previousFile, changes.Previous);
        Version(writer, "new", currentFile, changes.Current);
        var counts = changes.Counts;
        writer.WriteStartObject("counts");
        writer.WriteNumber("previousStudies", counts.PreviousStudies);
        writer.WriteNumber("newStudies", counts.NewStudies);
        writer.WriteNumber("removedStudies", counts.RemovedStudies);
        writer.WriteNumber("totalStudies", counts.TotalStudies);
        ShareCommand.Nullable(writer, "previousReports", counts.PreviousReports);
        ShareCommand.Nullable(writer, "newReports", counts.NewReports);
        ShareCommand.Nullable(writer, "totalReports", counts.TotalReports);
        writer.WriteEndObject();
        writer.WriteBoolean("hasChanges", changes.HasChanges);
        Studies(writer, "added", changes.Added);
        Studies(writer, "removed", changes.Removed);
        writer.WriteStartArray("changed");
        foreach (var study in changes.Changed)
        {
            writer.WriteStartObject();
            Match(writer, study);
            writer.WriteStartArray("fields");
            foreach (var field in study.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("field", field.Field);
                writer.WriteString("previous", field.Previous);
                writer.WriteString("new", field.Current);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("rematched");
        foreach (var study in changes.Matched.Where(m => m.MatchedBy != StudyMatchRule.Id))
        {
            writer.WriteStartObject();
            Match(writer, study);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("rowDimension", changes.CurrentMap.Rows.Label());
        writer.WriteString("columnDimension", changes.CurrentMap.Columns.Label());
        writer.WriteStartArray("cells");
        foreach (var cell in changes.Cells)
        {
            writer.WriteStartObject();
            writer.WriteString("row", cell.Row);
            writer.WriteString("column", cell.Column);
            writer.WriteNumber("previousStudies", cell.PreviousStudies);
            writer.WriteNumber("newStudies", cell.CurrentStudies);
            writer.WriteNumber("difference", cell.Difference);
            MapCommand.Strings(writer, "studiesNewInCell", cell.NewStudyIds);
            MapCommand.Strings(writer, "studiesNoLongerInCell", cell.LeftStudyIds);
            writer.WriteBoolean("gapFilled", cell.GapFilled);
            writer.WriteBoolean("gapOpened", cell.GapOpened);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteBoolean("includesQualitative", changes.IncludesQualitative);
        writer.WriteStartArray("shares");
        foreach (var share in changes.Shares)
        {
            writer.WriteStartObject();
            writer.WriteString("outcome", share.Outcome.Name);
            writer.WriteString("design", share.Design == DesignGroup.Rct ? "rct" : changes.IncludesQualitative ? "all" : "quantitative");
            writer.WriteString("description", share.Current.Description);
            Share(writer, "previous", share.Previous);
            Share(writer, "new", share.Current);
            writer.WriteBoolean("estimateChanged", share.EstimateChanged);
            writer.WriteBoolean("intervalChanged", share.IntervalChanged);
            writer.WriteBoolean("headlineChanged", share.HeadlineChanged);
            writer.WriteString("previousHeadline", share.PreviousHeadline);
            writer.WriteString("newHeadline", share.CurrentHeadline);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    private static void Version(Utf8JsonWriter writer, string name, string file, EvidenceBase evidence)
    {
        writer.WriteStartObject(name);
        writer.WriteString("file", file);
        writer.WriteString("title", evidence.Review.Title);
        writer.WriteNumber("studies", evidence.Studies.Length);
        writer.WriteEndObject();
    }

    private static void Studies(Utf8JsonWriter writer, string name, IEnumerable<Study> studies)
    {
        writer.WriteStartArray(name);
        foreach (var study in studies)
        {
            writer.WriteStartObject();
            writer.WriteString("id", study.Id);
            writer.WriteString("authors", study.Citation.Authors);
            writer.WriteNumber("year", study.Citation.Year);
            writer.WriteString("title", study.Citation.Title);
            writer.WriteString("doi", study.Citation.Doi);
            writer.WriteString("design", study.Design.Label());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Match(Utf8JsonWriter writer, MatchedStudy study)
    {
        writer.WriteString("previousId", study.Previous.Id);
        writer.WriteString("newId", study.Current.Id);
        writer.WriteString("matchedBy", JsonNamingPolicy.CamelCase.ConvertName(study.MatchedBy.ToString()));
    }

    private static void Share(Utf8JsonWriter writer, string name, Share share)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("numerator", share.Numerator);
        writer.WriteNumber("denominator", share.Denominator);
        ShareCommand.Nullable(writer, "proportion", share.Proportion);
        ShareCommand.Nullable(writer, "lower", share.Lower);
        ShareCommand.Nullable(writer, "upper", share.Upper);
        writer.WriteEndObject();
    }

    /// <summary>Every change as one CSV line (change, item, field, previous, new, detail): studies added and removed,
    /// fields recoded, studies found under another ID, map cells (their study counts, with the studies new in them and no
    /// longer in them) and shares (their figures, with whether the headline changed).</summary>
    internal static string ToCsv(EvidenceBaseChanges changes)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("change,item,field,previous,new,detail\n");
        void Line(string change, string item, string? field, string? before, string? after, string? detail) =>
            text.Append(c, $"{change},{CsvField.Escape(item)},{CsvField.Escape(field)},{CsvField.Escape(before)},{CsvField.Escape(after)},{CsvField.Escape(detail)}\n");
        foreach (var study in changes.Added) Line("added", study.Id, null, null, study.Citation.ToString(), study.Design.Label());
        foreach (var study in changes.Removed) Line("removed", study.Id, null, study.Citation.ToString(), null, study.Design.Label());
        foreach (var study in changes.Changed)
            foreach (var field in study.Changes) Line("recoded", study.Current.Id, field.Field, field.Previous, field.Current, null);
        foreach (var study in changes.Matched.Where(m => m.MatchedBy != StudyMatchRule.Id))
            Line("rematched", study.Current.Id, "Study ID", study.Previous.Id, study.Current.Id, "matched by " + MatchedBy(study.MatchedBy));
        foreach (var cell in changes.Cells)
        {
            Line("map cell", $"{cell.Row} × {cell.Column}", "Studies", cell.PreviousStudies.ToString(c), cell.CurrentStudies.ToString(c),
                $"new in the cell: {Ids(cell.NewStudyIds)}; no longer in it: {Ids(cell.LeftStudyIds)}");
        }
        foreach (var share in changes.Shares)
        {
            Line("share", $"{Designs(share, changes.IncludesQualitative)}, {share.Outcome.Name}", "Improved", Figure(share.Previous), Figure(share.Current),
                share.HeadlineChanged ? "headline changed" : "headline as before");
        }
        return text.ToString();
    }

    private static string Ids(IReadOnlyCollection<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
}

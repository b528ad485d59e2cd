using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Evidence.Analytics.Excel;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence screen new|status|export|prisma|serve</c>: a screening project kept in one SQLite file, screened
/// in the browser or from scripts.</summary>
internal static class ScreenProjectCommands
{
    public static IEnumerable<Command> Create() => [New(), Status(), Export(), Prisma(), ScreenServeCommand.Create()];

    private static Argument<string> ProjectArgument() => new("project") { Description = "The screening project file (created by `evidence screen new`)." };

    private static Command New()
    {
        var project = new Argument<string>("project") { Description = "The project file to create (for example review.screening); it must not exist." };
        var records = new Option<string[]>("--records") { Description = "RIS (.ris, .txt), PubMed/MEDLINE (.nbib, .txt), .csv, .tsv or .xlsx files of records to screen.", Required = true, AllowMultipleArgumentsPerToken = true };
        var criteria = new Option<string?>("--criteria") { Description = "The review's inclusion criteria, shown beside each record: text, or a .txt or .md file." };
        var terms = new Option<string[]>("--terms") { Description = "Search terms to highlight in records.", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON." };
        var command = new Command("new", "Create a screening project: import the records (RIS, PubMed, CSV, xlsx), remove duplicates and keep them in one SQLite file with every decision to come.")
        {
            project, records, criteria, terms, json,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var imports = parseResult.GetValue(records)!.Select(f => RecordFile.Read(f)).ToList();
            var problems = imports.SelectMany(i => i.Problems).ToList();
            foreach (var problem in problems) stderr.WriteLine(problem);
            if (imports.Any(i => !i.IsValid))
            {
                bool refused = EvidenceInput.IsRefused(problems);
                if (!refused) stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{problems.Count(p => p.IsError)} error(s); no project created."));
                return refused ? EvidenceCli.UsageError : EvidenceCli.InputProblems;
            }
            string? criteriaText = parseResult.GetValue(criteria);
            if (criteriaText is not null && (criteriaText.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || criteriaText.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            {
                if (!File.Exists(criteriaText))
                {
                    stderr.WriteLine($"There is no criteria file '{criteriaText}'.");
                    return EvidenceCli.UsageError;
                }
                criteriaText = File.ReadAllText(criteriaText);
            }
            try
            {
                using var created = ScreeningProject.Create(parseResult.GetValue(project)!, imports, criteriaText, parseResult.GetValue(terms));
                stdout.WriteLine(parseResult.GetValue(json) ? NewJson(created) : NewText(created));
                return EvidenceCli.Success;
            }
            catch (ScreeningProjectException e)
            {
                stderr.WriteLine(e.Message);
                return EvidenceCli.UsageError;
            }
        });
        return command;
    }

    private static string NewText(ScreeningProject project)
    {
        var text = new StringBuilder();
        foreach (var source in project.Sources) text.Append(CultureInfo.InvariantCulture, $"{source.File}: {source.Records:N0} records\n");
        text.Append(CultureInfo.InvariantCulture, $"Records identified: {project.Sources.Sum(s => s.Records):N0}\n");
        text.Append(CultureInfo.InvariantCulture, $"Duplicates removed: {project.DuplicatesRemoved:N0}\n");
        text.Append(CultureInfo.InvariantCulture, $"Records to screen: {project.Records.Length:N0}\n");
        text.Append(CultureInfo.InvariantCulture, $"Created {project.Path}; screen with `evidence screen serve {Path.GetFileName(project.Path)} --screener NAME`.");
        return text.ToString();
    }

    private static string NewJson(ScreeningProject project) => CliJson.Object(writer =>
    {
        writer.WriteString("project", project.Path);
        WriteSources(writer, project);
    });

    private static void WriteSources(System.Text.Json.Utf8JsonWriter writer, ScreeningProject project)
    {
        writer.WriteStartArray("sources");
        foreach (var source in project.Sources)
        {
            writer.WriteStartObject();
            writer.WriteString("file", source.File);
            writer.WriteString("database", source.Database);
            writer.WriteNumber("records", source.Records);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("identified", project.Sources.Sum(s => s.Records));
        writer.WriteNumber("duplicatesRemoved", project.DuplicatesRemoved);
        writer.WriteNumber("records", project.Records.Length);
    }

    /// <summary>Opens a project for a command, or writes why not and returns null.</summary>
    internal static ScreeningProject? OpenOrReport(string path, TextWriter stderr)
    {
        try
        {
            return ScreeningProject.Open(path);
        }
        catch (ScreeningProjectException e)
        {
            stderr.WriteLine(e.Message);
            return null;
        }
    }

    private static Command Status()
    {
        var project = ProjectArgument();
        var stop = new Option<string[]>("--stop") { Description = "A stopping rule to report on: irrelevant:N, fraction:F, recall:R[@C] (default irrelevant:100 and recall:0.95@0.95)." };
        var json = new Option<bool>("--json") { Description = "Write the status as JSON." };
        var command = new Command("status", "A screening project's progress: records screened, included and excluded per screener, the two screeners' agreement and conflicts, and each stopping rule's status.")
        {
            project, stop, json,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (!ScreenerProgress.TryParseRules(parseResult.GetValue(stop), stderr, out var rules)) return EvidenceCli.UsageError;
            using var opened = OpenOrReport(parseResult.GetValue(project)!, stderr);
            if (opened is null) return EvidenceCli.UsageError;
            var decisions = opened.Decisions();
            var progress = decisions.Screeners.Select(s => ScreenerProgress.Of(s, decisions.Of(s), opened.Records.Length, rules)).ToList();
            var pair = decisions.Screeners.Length >= 2 ? (decisions.Screeners[0], decisions.Screeners[1]) : ((string, string)?)null;
            var agreement = pair is { } p ? decisions.Agreement(p.Item1, p.Item2) : null;
            var conflicts = pair is { } q ? decisions.Conflicts(q.Item1, q.Item2) : [];
            stdout.WriteLine(parseResult.GetValue(json) ? StatusJson(opened, decisions, progress, agreement, conflicts) : StatusText(opened, decisions, progress, agreement, conflicts));
            return EvidenceCli.Success;
        });
        return command;
    }

    private static string StatusText(ScreeningProject project, ProjectDecisions decisions, List<ScreenerProgress> progress, ScreeningAgreement? agreement, ImmutableArray<RecordConflict> conflicts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(project.Path)}: {project.Records.Length:N0} records ({project.Sources.Sum(s => s.Records):N0} identified, {project.DuplicatesRemoved:N0} duplicates removed)\n");
        if (progress.Count == 0) text.Append("No decisions yet.\n");
        foreach (var p in progress) text.Append(p.Summary()).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Final decisions: {decisions.Included.Length:N0} included, {decisions.Excluded.Length:N0} excluded\n");
        if (agreement is not null) text.Append(agreement).Append('\n');
        if (conflicts.Length > 0) text.Append(CultureInfo.InvariantCulture, $"Conflicts: {conflicts.Length:N0} ({conflicts.Count(c => c.Resolution is null):N0} unresolved)\n");
        return text.ToString().TrimEnd('\n');
    }

    private static string StatusJson(ScreeningProject project, ProjectDecisions decisions, List<ScreenerProgress> progress, ScreeningAgreement? agreement, ImmutableArray<RecordConflict> conflicts) => CliJson.Object(writer =>
    {
        WriteSources(writer, project);
        writer.WriteStartArray("screeners");
        foreach (var p in progress)
        {
            writer.WriteStartObject();
            writer.WriteString("name", p.Screener);
            writer.WriteNumber("screened", p.Screened);
            writer.WriteNumber("included", p.Included);
            writer.WriteNumber("excluded", p.Excluded);
            writer.WriteNumber("maybe", p.Maybe);
            if (p.EstimatedRecall is { } r) writer.WriteNumber("estimatedRecall", r);
            else writer.WriteNull("estimatedRecall");
            writer.WriteStartArray("stoppingRules");
            foreach (var rule in p.Rules)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", rule.Rule);
                writer.WriteString("description", rule.Description);
                writer.WriteBoolean("met", rule.Met);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("included", decisions.Included.Length);
        writer.WriteNumber("excluded", decisions.Excluded.Length);
        if (agreement is null) writer.WriteNull("agreement");
        else
        {
            writer.WriteStartObject("agreement");
            AgreementCommand.WriteMembers(writer, agreement);
            writer.WriteEndObject();
        }
        writer.WriteNumber("conflicts", conflicts.Length);
        writer.WriteNumber("unresolvedConflicts", conflicts.Count(c => c.Resolution is null));
    });

    private static Command Export()
    {
        var project = ProjectArgument();
        var decisionsFile = new Option<string?>("--decisions") { Description = "Write every decision, undo and resolution (the whole history) to this CSV file." };
        var included = new Option<string?>("--included") { Description = "Write the included records to this .ris or .csv file (CSV with ASReview's label_included column)." };
        var command = new Command("export", "Export a screening project's decisions (CSV) and its included records (RIS or CSV).")
        {
            project, decisionsFile, included,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            string? decisionsPath = parseResult.GetValue(decisionsFile), includedPath = parseResult.GetValue(included);
            if (decisionsPath is null && includedPath is null)
            {
                stderr.WriteLine("Say what to export: --decisions FILE.csv, --included FILE.ris or FILE.csv, or both.");
                return EvidenceCli.UsageError;
            }
            if (includedPath is not null && Path.GetExtension(includedPath).ToLowerInvariant() is not (".ris" or ".csv"))
            {
                stderr.WriteLine($"'{includedPath}': the included records are written as .ris or .csv.");
                return EvidenceCli.UsageError;
            }
            using var opened = OpenOrReport(parseResult.GetValue(project)!, stderr);
            if (opened is null) return EvidenceCli.UsageError;
            var decisions = opened.Decisions();
            if (decisionsPath is not null)
            {
                using var writer = new StreamWriter(decisionsPath, false, new UTF8Encoding(true));
                DecisionCsv.Write(writer, decisions.History);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{decisionsPath}: {decisions.History.Length:N0} events"));
            }
            if (includedPath is not null)
            {
                var records = decisions.Included.Select(r => r with { Included = true }).ToList();
                using var writer = new StreamWriter(includedPath, false, new UTF8Encoding(Path.GetExtension(includedPath).Equals(".csv", StringComparison.OrdinalIgnoreCase)));
                if (Path.GetExtension(includedPath).Equals(".ris", StringComparison.OrdinalIgnoreCase)) RecordRis.Write(writer, records);
                else RecordCsv.Write(writer, records);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{includedPath}: {records.Count:N0} included records"));
            }
            return EvidenceCli.Success;
        });
        return command;
    }

    private static Command Prisma()
    {
        var project = ProjectArgument();
        var output = new Option<string>("--output", "-o") { Description = "The evidence workbook (.xlsx) to write the counts to: its Flow sheet is updated if it exists, otherwise a workbook with only them is created.", Required = true };
        var command = new Command("prisma", "Write a screening project's PRISMA identification and screening counts (records per source, duplicates removed, records screened and excluded) into an evidence workbook's Flow sheet.")
        {
            project, output,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            string path = parseResult.GetValue(output)!;
            if (!Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"'{path}': the counts are written into an .xlsx evidence workbook.");
                return EvidenceCli.UsageError;
            }
            using var opened = OpenOrReport(parseResult.GetValue(project)!, stderr);
            if (opened is null) return EvidenceCli.UsageError;
            EvidenceBase? existing = null;
            if (File.Exists(path))
            {
                var import = EvidenceWorkbook.Read(path);
                if (!import.IsValid || import.Evidence is null)
                {
                    foreach (var problem in import.Problems.Where(p => p.IsError)) stderr.WriteLine(problem);
                    stderr.WriteLine($"{path} has errors; fix them, or write the counts to a new workbook.");
                    return EvidenceCli.InputProblems;
                }
                existing = import.Evidence;
            }
            var flow = ProjectFlow.Of(opened, opened.Decisions(), existing?.Flow);
            var evidence = existing is null
                ? new EvidenceBase([], flow: flow, review: new ReviewInfo(Path.GetFileNameWithoutExtension(opened.Path), "PRISMA counts from the screening project " + Path.GetFileName(opened.Path) + "."))
                : new EvidenceBase(existing.Studies, existing.Interventions, existing.Findings, flow, existing.Configurations, existing.Review);
            EvidenceWorkbookWriter.Write(evidence, path);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: Flow sheet with {flow.IdentifiedTotal:N0} records identified ({flow.Identified.Length} source(s)), {flow.DuplicatesRemoved:N0} duplicates removed, {flow.Screened:N0} screened, {flow.ExcludedAtScreening:N0} excluded"));
            int undecided = opened.Records.Length - (flow.Screened ?? 0);
            if (undecided > 0) stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{undecided:N0} records have no final decision yet (undecided, maybe or an unresolved conflict); they are not counted as screened."));
            return EvidenceCli.Success;
        });
        return command;
    }
}

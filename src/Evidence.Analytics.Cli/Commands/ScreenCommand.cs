using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.Asreview;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence screen import|simulate</c>: records to screen from reference-manager exports, deduplicated; and
/// active-learning simulations on labelled records.</summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var command = new Command("screen", "Title-and-abstract screening: import and deduplicate records (RIS, PubMed, CSV, xlsx); simulate active-learning prioritisation on labelled records; screen a project in the browser, with its status, exports and PRISMA counts.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Simulate());
        foreach (var projectCommand in ScreenProjectCommands.Create()) command.Subcommands.Add(projectCommand);
        return command;
    }

    private static Command Import()
    {
        var files = new Argument<string[]>("files") { Description = "RIS (.ris, .txt), PubMed/MEDLINE (.nbib, .txt), .csv, .tsv, .xlsx or ASReview project (.asreview) files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Write the merged, deduplicated records to this CSV file." };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON." };
        var keep = new Option<bool>("--keep-duplicates") { Description = "Merge only: do not remove duplicates." };
        var command = new Command("import", "Merge reference files, remove duplicates (DOI, then title + year, then near-identical title + abstract) and report the counts PRISMA needs.")
        {
            files, output, json, keep,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var imports = parseResult.GetValue(files)!.Select(ReadRecords).ToList();
            var problems = imports.SelectMany(i => i.Problems).ToList();
            foreach (var problem in problems) stderr.WriteLine(problem);
            if (imports.Any(i => !i.IsValid))
            {
                bool refused = EvidenceInput.IsRefused(problems);
                if (!refused) stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{problems.Count(p => p.IsError)} error(s); nothing written."));
                return refused ? EvidenceCli.UsageError : EvidenceCli.InputProblems;
            }
            var records = imports.SelectMany(i => i.Records).ToImmutableArray();
            var deduplicated = parseResult.GetValue(keep) ? new DeduplicatedRecords(records, []) : RecordDeduplication.Deduplicate(records);
            if (parseResult.GetValue(output) is { } path)
            {
                using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
                RecordCsv.Write(writer, deduplicated.Records);
            }
            stdout.WriteLine(parseResult.GetValue(json) ? ImportJson(imports, deduplicated) : ImportText(imports, deduplicated));
            return EvidenceCli.Success;
        });
        return command;
    }

    /// <summary>A reference file's records; an ASReview project's are its dataset's records, with the dataset's labels
    /// (not the reviewers' decisions).</summary>
    private static RecordImport ReadRecords(string path)
    {
        if (!Path.GetExtension(path).Equals(".asreview", StringComparison.OrdinalIgnoreCase)) return RecordFile.Read(path);
        var project = AsreviewProject.Read(path);
        return new RecordImport(project.File, project.IsValid ? project.Records : [], project.Problems);
    }

    private static string ImportText(List<RecordImport> imports, DeduplicatedRecords result)
    {
        var text = new StringBuilder();
        foreach (var import in imports)
            text.Append(CultureInfo.InvariantCulture, $"{import.File}: {import.Records.Length:N0} records{(import.Problems.IsEmpty ? "" : $" ({import.Problems.Length} warning(s))")}\n");
        int identified = imports.Sum(i => i.Records.Length);
        text.Append(CultureInfo.InvariantCulture, $"Records identified: {identified:N0}\n");
        text.Append(CultureInfo.InvariantCulture, $"Duplicates removed: {result.DuplicatesRemoved:N0} (DOI {result.RemovedFor(DuplicateReason.Doi):N0}, title and year {result.RemovedFor(DuplicateReason.TitleAndYear):N0}, title and abstract {result.RemovedFor(DuplicateReason.TitleAndAbstract):N0})\n");
        text.Append(CultureInfo.InvariantCulture, $"Records screened: {result.Records.Length:N0}");
        foreach (var group in result.Groups)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {Reason(group.Reason)}: kept {Where(group.Kept)}; removed {string.Join(", ", group.Duplicates.Select(Where))}");
        }
        return text.ToString();
    }

    private static string Where(Record r) => string.Create(CultureInfo.InvariantCulture, $"{r.File}:{r.Line}");

    private static string Reason(DuplicateReason reason) => reason switch
    {
        DuplicateReason.Doi => "doi",
        DuplicateReason.TitleAndYear => "title+year",
        _ => "title+abstract",
    };

    private static string ImportJson(List<RecordImport> imports, DeduplicatedRecords result) => CliJson.Object(writer =>
    {
        writer.WriteStartArray("files");
        foreach (var import in imports)
        {
            writer.WriteStartObject();
            writer.WriteString("file", import.File);
            writer.WriteNumber("records", import.Records.Length);
            writer.WriteNumber("warnings", import.Problems.Length);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("identified", imports.Sum(i => i.Records.Length));
        writer.WriteNumber("duplicatesRemoved", result.DuplicatesRemoved);
        writer.WriteNumber("records", result.Records.Length);
        writer.WriteStartArray("groups");
        foreach (var group in result.Groups)
        {
            writer.WriteStartObject();
            writer.WriteString("reason", Reason(group.Reason));
            writer.WriteString("kept", Where(group.Kept));
            writer.WriteStartArray("removed");
            foreach (var d in group.Duplicates) writer.WriteStringValue(Where(d));
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    private static Command Simulate()
    {
        var file = new Argument<string>("file") { Description = "Labelled records: .csv, .tsv, .xlsx, or RIS with ASReview labels in N1." };
        var model = ScreeningModelOption.Create("The model");
        var seed = new Option<int>("--seed") { Description = "The seed of the prior knowledge and the model.", DefaultValueFactory = _ => 1 };
        var priorIncluded = new Option<int>("--prior-included") { Description = "Relevant records drawn as prior knowledge.", DefaultValueFactory = _ => 1 };
        var priorExcluded = new Option<int>("--prior-excluded") { Description = "Irrelevant records drawn as prior knowledge.", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Records labelled between retrainings.", DefaultValueFactory = _ => 1 };
        var label = new Option<string?>("--label") { Description = "The label column (default: found as ASReview finds it)." };
        var stop = new Option<string[]>("--stop") { Description = "A stopping rule: irrelevant:N, fraction:F, recall:R[@C], relevant; several stop at the first (any).", AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "Write the metrics as JSON." };
        var chart = new Option<string?>("--chart", "-o") { Description = "Write the recall curve (with random screening, WSS@95 and the last relevant record) to this SVG file.", HelpName = "file" };
        var command = new Command("simulate", "Replay screening with active learning on labelled records and report WSS, recall, ERF, loss and time to discovery.")
        {
            file, model, seed, priorIncluded, priorExcluded, batch, label, stop, json, chart,
        };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (!ScreeningModelOption.TryParse(parseResult.GetValue(model), stderr, out var chosen)) return EvidenceCli.UsageError;
            StoppingRule? rule = null;
            try
            {
                var rules = (parseResult.GetValue(stop) ?? []).Select(StoppingRule.Parse).ToArray();
                if (rules.Length > 0) rule = StoppingRule.Any(rules);
            }
            catch (FormatException e)
            {
                stderr.WriteLine(e.Message);
                return EvidenceCli.UsageError;
            }
            string path = parseResult.GetValue(file)!;
            var import = RecordFile.Read(path, labelColumn: parseResult.GetValue(label));
            foreach (var problem in import.Problems) stderr.WriteLine(problem);
            if (!import.IsValid) return EvidenceInput.IsRefused(import.Problems) ? EvidenceCli.UsageError : EvidenceCli.InputProblems;
            var options = new SimulationOptions
            {
                Model = chosen,
                Seed = parseResult.GetValue(seed),
                PriorIncluded = parseResult.GetValue(priorIncluded),
                PriorExcluded = parseResult.GetValue(priorExcluded),
                BatchSize = parseResult.GetValue(batch),
                Stop = rule,
            };
            ScreeningSimulation simulation;
            var clock = Stopwatch.StartNew();
            try
            {
                simulation = ScreeningSimulation.Run(import.Records, options);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"{import.File}: {e.Message.Split(" (Parameter", 2)[0]}");
                return EvidenceCli.InputProblems;
            }
            clock.Stop();
            if (parseResult.GetValue(chart) is { } chartPath) simulation.RecallChart().SaveSvg(chartPath);
            stdout.WriteLine(parseResult.GetValue(json) ? SimulationJson(simulation) : SimulationText(simulation, clock.Elapsed));
            return EvidenceCli.Success;
        });
        return command;
    }

    private static string SimulationText(ScreeningSimulation s, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{s.Records.Length:N0} records, {s.Relevant:N0} relevant; model {s.Options.Model.Name}, seed {s.Options.Seed}, priors {s.Options.PriorIncluded} + {s.Options.PriorExcluded}\n");
        text.Append(CultureInfo.InvariantCulture, $"WSS@95 {s.Wss95:F3}  WSS@100 {s.Wss100:F3}  recall@10% {s.RecallAt10:F3}  recall@25% {s.RecallAt25:F3}  ERF@10% {s.ErfAt10:F3}\n");
        text.Append(CultureInfo.InvariantCulture, $"loss {s.Loss:F4}  NDCG {s.Ndcg:F4}  ATD {s.AverageTimeToDiscovery:F1} records  last relevant after {s.StepsToLastRelevant:N0} records");
        if (s.Stop is { } stop)
            text.Append(CultureInfo.InvariantCulture, $"\nstop ({stop.Rule}) after {stop.Screened:N0} records: recall {stop.Recall:F3}, work saved {stop.WorkSaved:F3}");
        text.Append(CultureInfo.InvariantCulture, $"\n({elapsed.TotalSeconds:F1} s)");
        return text.ToString();
    }

    /// <summary>The issue's JSON: records, relevant, model, seed, wss95, wss100, recallAt10, recallAt25, erfAt10, loss, atd,
    /// stepsToLastRelevant, stop; plus ndcg, priors and the model's parameters.</summary>
    internal static string SimulationJson(ScreeningSimulation s) => CliJson.Object(writer =>
    {
        writer.WriteNumber("records", s.Records.Length);
        writer.WriteNumber("relevant", s.Relevant);
        writer.WriteString("model", s.Options.Model.Name);
        writer.WriteNumber("seed", s.Options.Seed);
        writer.WriteNumber("wss95", s.Wss95);
        writer.WriteNumber("wss100", s.Wss100);
        writer.WriteNumber("recallAt10", s.RecallAt10);
        writer.WriteNumber("recallAt25", s.RecallAt25);
        writer.WriteNumber("erfAt10", s.ErfAt10);
        writer.WriteNumber("loss", s.Loss);
        writer.WriteNumber("ndcg", s.Ndcg);
        writer.WriteNumber("atd", s.AverageTimeToDiscovery);
        writer.WriteNumber("stepsToLastRelevant", s.StepsToLastRelevant);
        writer.WriteStartArray("priors");
        foreach (int i in s.Priors) writer.WriteStringValue(s.Records[i].Id);
        writer.WriteEndArray();
        writer.WriteStartObject("parameters");
        foreach (var (name, value) in s.Options.Model.Parameters) writer.WriteString(name, value);
        writer.WriteNumber("priorIncluded", s.Options.PriorIncluded);
        writer.WriteNumber("priorExcluded", s.Options.PriorExcluded);
        writer.WriteNumber("batch", s.Options.BatchSize);
        writer.WriteEndObject();
        if (s.Stop is { } stop)
        {
            writer.WriteStartObject("stop");
            writer.WriteString("rule", stop.Rule.ToString());
            writer.WriteNumber("step", stop.Screened);
            writer.WriteNumber("recall", stop.Recall);
            writer.WriteNumber("workSaved", stop.WorkSaved);
            writer.WriteEndObject();
        }
    });
}

using System.CommandLine;
using System.Globalization;
using Evidence.Analytics.Excel;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence report FILE -o DIR</c>: everything a review team hands over, written into one folder:
/// the SVG charts (<c>DIR/charts/*.svg</c>), the commissioner's summary workbook (<c>DIR/summary.xlsx</c>) and the
/// interactive evidence gap map (<c>DIR/evidence-map.html</c>).</summary>
internal static class ReportCommand
{
    /// <summary>The charts a report writes, by file name, in the order they are listed: the one place to add a chart.
    /// A chart that does not apply to a review (the configuration matrix of a review without CMO configurations) draws null.
    /// Draw's second argument is whether qualitative studies vote (<c>--include-qualitative</c>).</summary>
    internal static IReadOnlyList<(string FileName, Func<EvidenceBase, bool, Chart?> Draw)> Charts { get; } =
    [
        ("evidence-gap-map.svg", (evidence, _) => evidence.GapMapChart()),
        ("shares-rct-improved.svg", (evidence, _) => evidence.ShareChart(DesignGroup.Rct)),
        ("shares-improved.svg", (evidence, qualitative) => evidence.ShareChart(design: null, includeQualitative: qualitative)),
        ("intervention-types.svg", (evidence, _) => evidence.InterventionTypeChart()),
        ("design-groups.svg", (evidence, _) => evidence.DesignGroupChart()),
        ("designs-by-intervention-type.svg", (evidence, _) => evidence.DesignsByInterventionTypeChart()),
        ("typology-levels.svg", (evidence, _) => evidence.TypologyChart()),
        ("effect-direction-plot.svg", (evidence, qualitative) => evidence.EffectDirectionPlot(includeQualitative: qualitative)),
        ("harvest-plot.svg", (evidence, _) => evidence.HarvestPlot()),
        ("prisma-flow.svg", (evidence, _) => evidence.FlowDiagram()),
        ("risk-of-bias-traffic-light.svg", (evidence, _) => evidence.RiskOfBiasAssessments.IsEmpty ? null : evidence.RiskOfBiasTrafficLight()),
        ("risk-of-bias-summary.svg", (evidence, _) => evidence.RiskOfBiasAssessments.IsEmpty ? null : evidence.RiskOfBiasSummary()),
        ("cmo-configuration-matrix.svg", (evidence, _) => evidence.Configurations.IsEmpty ? null : evidence.ConfigurationMatrix()),
        ("cmo-themes-by-family.svg", (evidence, _) => evidence.Configurations.IsEmpty ? null : evidence.ThemeFamilyChart()),
    ];

    /// <summary>The fewest studies for which writing a report shows progress on a terminal (a few seconds' work).</summary>
    private const int ProgressStudies = 5_000;

    /// <summary>The summary workbook's file name in the output folder.</summary>
    internal const string SummaryFileName = "summary.xlsx";

    /// <summary>The interactive map's file name in the output folder.</summary>
    internal const string MapFileName = "evidence-map.html";

    /// <summary>How a per-study chart too large to draw study by study was drawn instead, or null when it was not.</summary>
    internal static string? AggregationNote(Chart chart) => chart switch
    {
        EffectDirectionPlot { IsAggregated: true } plot => string.Create(CultureInfo.InvariantCulture,
            $"{plot.Studies.Length:N0} {(plot.IncludesQualitative ? "studies" : "quantitative studies")}, more than {plot.Options.MaxStudyRows:N0}: one row per intervention type"),
        HarvestPlot { IsAggregated: true } plot => string.Create(CultureInfo.InvariantCulture,
            $"more than {plot.Options.MaxStudyBars:N0} studies in a cell: one bar per design group"),
        _ => null,
    };

    /// <summary>The forest plot of each pooled cell, named forest-DOMAIN-TYPE.svg, with the metric (and outcome measure)
    /// added when one cell has several pools.</summary>
    internal static IEnumerable<(string FileName, ForestPlot Plot)> ForestPlots(FindingsMetaAnalysis pooled)
    {
        foreach (var cell in pooled.Pools.GroupBy(p => (p.Domain, p.InterventionType)))
        {
            bool several = cell.Count() > 1;
            foreach (var pool in cell)
            {
                string name = $"forest-{FileSlug(pool.Domain.Name)}-{FileSlug(pool.InterventionType.Name)}"
                    + (several ? "-" + FileSlug(pool.Analysis.Measure.Code() + (pool.OutcomeMeasure is null ? "" : "-" + pool.OutcomeMeasure)) : "");
                yield return (name + ".svg", pool.ForestPlot());
            }
        }
    }

    private static string FileSlug(string text) =>
        string.Join("-", new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Draws the forest plot of each pooled cell into <paramref name="folder"/> and adds each file to
    /// <paramref name="written"/>.</summary>
    private static void WriteForestPlots(EvidenceBase evidence, string folder, List<string> written, Action<string> step)
    {
        foreach (var (fileName, forest) in ForestPlots(evidence.PoolFindings()))
        {
            step($"Drawing charts/{fileName}");
            string path = Path.Combine(folder, fileName);
            forest.SaveSvg(path);
            written.Add(path);
        }
    }

    /// <summary>Draws the report's charts into <paramref name="folder"/>, in the order of <see cref="Charts"/>, then the
    /// gap map with the new evidence marked (given a previous version); adds each file written to
    /// <paramref name="written"/> and the note of a chart drawn aggregated to <paramref name="notes"/>.</summary>
    private static void WriteCharts(EvidenceBase evidence, bool withQualitative, EvidenceBase? before, string folder, List<string> written,
        Dictionary<string, string> notes, Action<string> step)
    {
        foreach (var (fileName, draw) in Charts)
        {
            step($"Drawing charts/{fileName}");
            if (draw(evidence, withQualitative) is not { } chart) continue;
            string path = Path.Combine(folder, fileName);
            chart.SaveSvg(path);
            written.Add(path);
            if (AggregationNote(chart) is { } note) notes[path] = note;
        }
        if (before is not null)
        {
            step($"Drawing charts/{DiffCommand.MarkedMapFileName}");
            string path = Path.Combine(folder, DiffCommand.MarkedMapFileName);
            EvidenceBaseChanges.Between(before, evidence, withQualitative).GapMapChart().SaveSvg(path);
            written.Add(path);
        }
    }

    public static Command Create()
    {
        var file = EvidenceInput.FileArgument();
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "The folder to write into (created if missing; files already in it are replaced).",
            HelpName = "folder",
            Required = true,
        };
        var qualitative = new Option<bool>("--include-qualitative")
        {
            Description = "Count qualitative studies in the shares, sign tests and effect direction plot (by default they are reported beside them: vote counting is for quantitative effect estimates).",
        };
        var previous = new Option<string>("--previous")
        {
            Description = $"The review's previous version (a workbook or CSV folder): adds a What changed sheet to summary.xlsx and the gap map with the new evidence marked (charts/{DiffCommand.MarkedMapFileName}), as evidence diff reports them.",
        };
        var command = new Command("report", "Write everything a review hands over into one folder: the charts (charts/*.svg), the commissioner's summary workbook (summary.xlsx) and the interactive evidence map (evidence-map.html).")
        {
            file,
            output,
            qualitative,
            previous,
        };
        command.SetAction(parseResult =>
        {
            string input = parseResult.GetValue(file)!;
            var import = EvidenceInput.LoadValid(parseResult, input, quiet: false, out int exitCode);
            if (import?.Evidence is not { } evidence) return exitCode;
            string? previousPath = parseResult.GetValue(previous);
            EvidenceBase? before = null;
            if (previousPath is not null && (before = EvidenceInput.Load(parseResult, previousPath, quiet: false, out exitCode)) is null) return exitCode;
            var folder = parseResult.GetValue(output)!;
            bool withQualitative = parseResult.GetValue(qualitative);
            var written = new List<string>();
            var notes = new Dictionary<string, string>();
            bool progress = CliProgress.IsShown(parseResult, quiet: false) && evidence.Studies.Length >= ProgressStudies;
            try
            {
                CliProgress.Run(progress, "Writing the report", step =>
                {
                    string charts = Path.Combine(folder.FullName, "charts");
                    Directory.CreateDirectory(charts);
                    string summary = Path.Combine(folder.FullName, SummaryFileName);
                    string map = Path.Combine(folder.FullName, MapFileName);
                    // The outputs are independent once the evidence is imported, so they are written side by side: the
                    // summary workbook, the longest, beside the charts and the interactive map. Each writes its own files,
                    // so the bytes are those of writing them one after another; the list of files keeps the order below.
                    // The evidence index they all use is built first, once, while the forest plots (which do not use it)
                    // are drawn.
                    var stepping = new Lock();
                    void Step(string text)
                    {
                        lock (stepping) step(text);
                    }
                    var indexed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var chartFiles = new List<string>();
                    var forestFiles = new List<string>();
                    var drawing = Task.Run(() =>
                    {
                        WriteForestPlots(evidence, charts, forestFiles, Step);
                        indexed.Task.GetAwaiter().GetResult();
                        WriteCharts(evidence, withQualitative, before, charts, chartFiles, notes, Step);
                        Step($"Writing {MapFileName}");
                        InteractiveEvidenceMap.Write(evidence, map);
                    });
                    var tasks = new List<Task> { drawing };
                    try
                    {
                        EvidenceIndex.For(evidence);
                        indexed.SetResult();
                        tasks.Add(Task.Run(() =>
                        {
                            Step($"Writing {SummaryFileName}");
                            // "Spreadsheet rows imported" on the Summary sheet (not PRISMA's "records") is the importer's count of rows read without error, as
                            // `evidence validate` reports it.
                            SummaryWorkbook.Write(evidence, summary, Path.GetFileName(Path.TrimEndingDirectorySeparator(input)), import.RowsImported, withQualitative,
                                before, previousPath is null ? null : Path.GetFileName(Path.TrimEndingDirectorySeparator(previousPath)));
                        }));
                    }
                    catch (Exception e)
                    {
                        indexed.TrySetException(e);
                        tasks.Add(Task.FromException(e));
                    }
                    try
                    {
                        Task.WaitAll(tasks);
                    }
                    catch (AggregateException)
                    {
                        // The first failing lane's own exception is rethrown below, for the catch that reports it.
                    }
                    foreach (var task in tasks) task.GetAwaiter().GetResult();
                    written.AddRange(chartFiles);
                    written.AddRange(forestFiles);
                    written.Add(summary);
                    written.Add(map);
                    return written.Count;
                });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"Cannot write the report to {folder.FullName}: {e.Message}");
                return EvidenceCli.UsageError;
            }
            var console = parseResult.InvocationConfiguration.Output;
            console.WriteLine($"Wrote the report on {evidence} to {folder.FullName}:");
            foreach (string path in written)
                console.WriteLine("  " + Path.GetRelativePath(folder.FullName, path) + (notes.TryGetValue(path, out var note) ? $" ({note})" : ""));
            return EvidenceCli.Success;
        });
        return command;
    }
}

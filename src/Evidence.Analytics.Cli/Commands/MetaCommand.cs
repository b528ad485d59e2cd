using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.Import;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence meta FILE [--measure RR|OR|RD|SMD|MD|ZCOR|PLO|PR|GEN] [column options] [--method REML|DL|…]
/// [--test z|knha] [--json] [-o forest.svg] [--funnel funnel.svg]</c>: a meta-analysis of a table of studies, as metafor's
/// <c>escalc</c> and <c>rma</c>.</summary>
internal static class MetaCommand
{
    /// <summary>The columns each measure reads, by metafor's argument names.</summary>
    private static readonly Dictionary<EffectMeasure, string[]> Columns = new()
    {
        [EffectMeasure.LogRiskRatio] = ["ai", "bi", "ci", "di"],
        [EffectMeasure.LogOddsRatio] = ["ai", "bi", "ci", "di"],
        [EffectMeasure.RiskDifference] = ["ai", "bi", "ci", "di"],
        [EffectMeasure.StandardisedMeanDifference] = ["n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i"],
        [EffectMeasure.MeanDifference] = ["n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i"],
        [EffectMeasure.FisherZ] = ["ri", "ni"],
        [EffectMeasure.LogitProportion] = ["xi", "ni"],
        [EffectMeasure.Proportion] = ["xi", "ni"],
        [EffectMeasure.Generic] = ["yi", "vi"],
    };

    private static readonly string[] AllColumns = ["yi", "vi", "ai", "bi", "ci", "di", "n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i", "ri", "ni", "xi"];

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A .csv, .tsv or .xlsx table with one row per study." };
        var measure = new Option<string>("--measure")
        {
            Description = "The effect measure: RR, OR, RD (columns ai bi ci di), SMD, MD (n1i m1i sd1i n2i m2i sd2i), ZCOR (ri ni), PLO, PR (xi ni) or GEN (yi vi).",
            DefaultValueFactory = _ => "GEN",
        };
        var method = new Option<string>("--method")
        {
            Description = "The τ² estimator: REML, DL, ML, PM, EB, HE, SJ, HS or EE; a second after a comma is used if the first does not converge (REML,DL).",
            DefaultValueFactory = _ => "REML",
        };
        var test = new Option<string>("--test") { Description = "The test of the pooled estimate: z, or knha (Knapp–Hartung, with t and F distributions).", DefaultValueFactory = _ => "z" };
        var level = new Option<double>("--level") { Description = "The confidence level.", DefaultValueFactory = _ => 0.95 };
        var iterations = new Option<int>("--max-iterations") { Description = "The most Fisher-scoring iterations for REML, ML and EB.", DefaultValueFactory = _ => 100 };
        var study = new Option<string?>("--study") { Description = "The column of study labels (default: study, author or the row number)." };
        var json = new Option<bool>("--json") { Description = "Write the results as JSON." };
        var forest = new Option<string?>("--output", "-o") { Description = "Write a forest plot to this SVG file." };
        var funnel = new Option<string?>("--funnel") { Description = "Write a contour-enhanced funnel plot with trim-and-fill to this SVG file." };
        var columnOptions = AllColumns.ToDictionary(c => c, c => new Option<string?>("--" + c) { Description = $"The column holding {c} (default: {c})." });
        var command = new Command("meta", "Meta-analysis of a table of studies: effect sizes (metafor's escalc), the pooled estimate with τ², I², H², Q and their intervals, and the prediction interval (rma).")
        {
            file, measure, method, test, level, iterations, study, json, forest, funnel,
        };
        foreach (var option in columnOptions.Values) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (EffectMeasures.FromCode(parseResult.GetValue(measure)!) is not { } effect)
                return Usage(error, $"--measure must be one of RR, OR, RD, SMD, MD, ZCOR, PLO, PR, GEN, not '{parseResult.GetValue(measure)}'.");
            string[] methods = parseResult.GetValue(method)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var estimators = methods.Select(MetaAnalysisCodes.EstimatorFromCode).ToArray();
            if (methods.Length is 0 or > 2 || estimators.Any(e => e is null))
                return Usage(error, $"--method must be one of REML, DL, ML, PM, EB, HE, SJ, HS, EE, or two of them separated by a comma, not '{parseResult.GetValue(method)}'.");
            if (MetaAnalysisCodes.TestFromCode(parseResult.GetValue(test)!) is not { } testKind)
                return Usage(error, $"--test must be z or knha, not '{parseResult.GetValue(test)}'.");
            double confidence = parseResult.GetValue(level);
            if (!(confidence > 0 && confidence < 1))
                return Usage(error, string.Create(CultureInfo.InvariantCulture, $"--level must be between 0 and 1 (e.g. 0.95), not {confidence}."));
            if (parseResult.GetValue(iterations) < 1)
                return Usage(error, "--max-iterations must be at least 1.");
            var options = new MetaAnalysisOptions
            {
                MaxIterations = parseResult.GetValue(iterations),
                Estimator = estimators[0]!.Value,
                Fallback = estimators.Length > 1 ? estimators[1] : null,
                Test = testKind,
                Level = confidence,
            };
            var names = Columns[effect].ToDictionary(c => c, c => parseResult.GetValue(columnOptions[c]) ?? c);
            string path = parseResult.GetValue(file)!;

            MetaTable table;
            try
            {
                table = MetaTable.Read(path, effect, names, parseResult.GetValue(study));
            }
            catch (MetaInputException e)
            {
                error.WriteLine(e.Message);
                return e.Usage ? EvidenceCli.UsageError : EvidenceCli.InputProblems;
            }
            MetaAnalysis analysis;
            try
            {
                analysis = MetaAnalysis.Fit(table.Studies, options);
            }
            catch (Exception e) when (e is MetaAnalysisException or ArgumentException)
            {
                error.WriteLine($"{Path.GetFileName(path)}: {e.Message}");
                return EvidenceCli.InputProblems;
            }
            if (parseResult.GetValue(forest) is { } forestPath) analysis.ForestPlot(table.Labels).SaveSvg(forestPath);
            if (parseResult.GetValue(funnel) is { } funnelPath)
            {
                TrimAndFill? fill = analysis.StudyCount >= 3 ? analysis.TrimAndFill() : null;
                analysis.FunnelPlot(contours: true, trimAndFill: fill).SaveSvg(funnelPath);
            }
            output.WriteLine(parseResult.GetValue(json) ? ToJson(analysis) : ToText(analysis));
            return EvidenceCli.Success;
        });
        return command;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine(message);
        return EvidenceCli.UsageError;
    }

    /// <summary>The results in the shape metafor prints them, then the estimate on the natural scale.</summary>
    internal static string ToText(MetaAnalysis m)
    {
        var h = m.Heterogeneity;
        var text = new StringBuilder();
        string model = m.Estimator == TauSquaredEstimator.EqualEffects ? "Equal-effects model" : "Random-effects model";
        text.AppendLine(Invariant($"{model} (k = {m.StudyCount}; measure: {m.Measure.Code()}; τ² estimator: {m.Estimator.Code()}; test: {m.Options.Test.Code()})"));
        if (!m.Converged) text.AppendLine(Invariant($"The {m.Options.Estimator.Code()} estimator did not converge; τ² is from {m.Estimator.Code()}."));
        if (h.TauSquaredLower is { } tl && h.TauSquaredUpper is { } tu)
            text.AppendLine(Invariant($"τ² = {h.TauSquared:0.####} ({m.Options.Level:0%} CI {tl:0.####} to {tu:0.####}), τ = {h.Tau:0.####}, I² = {h.ISquared:0.##}% ({h.ISquaredLower:0.##} to {h.ISquaredUpper:0.##}), H² = {h.HSquared:0.##}"));
        else
            text.AppendLine(Invariant($"I² = {h.ISquared:0.##}%, H² = {h.HSquared:0.##}"));
        text.AppendLine(Invariant($"Test for heterogeneity: Q({h.QDegreesOfFreedom}) = {h.Q:0.####}, {PValues.Statement(h.QPValue)}"));
        string statistic = m.DegreesOfFreedom is { } df ? Invariant($"t({df})") : "z";
        text.AppendLine(Invariant($"Estimate {m.Estimate:0.####} (SE {m.StandardError:0.####}), {statistic} = {m.Statistic:0.####}, {PValues.Statement(m.PValue)}, {m.Options.Level:0%} CI {m.Lower:0.####} to {m.Upper:0.####}"));
        if (m.PredictionLower is { } pl && m.PredictionUpper is { } pu)
            text.AppendLine(Invariant($"Prediction interval {pl:0.####} to {pu:0.####}"));
        if (m.Measure is not (EffectMeasure.Generic or EffectMeasure.MeanDifference or EffectMeasure.StandardisedMeanDifference or EffectMeasure.RiskDifference or EffectMeasure.Proportion))
        {
            string natural = Invariant($"{m.Measure.Label()} {MetaAnalysisText.Natural(m.Measure, m.Estimate)} ({m.Options.Level:0%} CI {MetaAnalysisText.Natural(m.Measure, m.Lower)} to {MetaAnalysisText.Natural(m.Measure, m.Upper)})");
            if (m.PredictionLower is { } npl && m.PredictionUpper is { } npu)
                natural += Invariant($"; prediction interval {MetaAnalysisText.Natural(m.Measure, npl)} to {MetaAnalysisText.Natural(m.Measure, npu)}");
            text.AppendLine(natural);
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The results as indented camelCase JSON, with the fields the issue names.</summary>
    internal static string ToJson(MetaAnalysis m) => CliJson.Object(writer =>
    {
        var h = m.Heterogeneity;
        writer.WriteNumber("k", m.StudyCount);
        writer.WriteString("measure", m.Measure.Code());
        writer.WriteString("method", m.Estimator.Code());
        writer.WriteString("test", m.Options.Test.Code());
        writer.WriteNumber("level", m.Options.Level);
        writer.WriteNumber("estimate", m.Estimate);
        writer.WriteNumber("se", m.StandardError);
        writer.WriteNumber("ciLower", m.Lower);
        writer.WriteNumber("ciUpper", m.Upper);
        writer.WriteNumber("statistic", m.Statistic);
        writer.WriteNumber("pValue", m.PValue);
        writer.WriteNumber("tau2", h.TauSquared);
        ShareCommand.Nullable(writer, "tau2CiLower", h.TauSquaredLower);
        ShareCommand.Nullable(writer, "tau2CiUpper", h.TauSquaredUpper);
        writer.WriteNumber("i2", h.ISquared);
        ShareCommand.Nullable(writer, "i2CiLower", h.ISquaredLower);
        ShareCommand.Nullable(writer, "i2CiUpper", h.ISquaredUpper);
        writer.WriteNumber("h2", h.HSquared);
        writer.WriteNumber("q", h.Q);
        writer.WriteNumber("qDf", h.QDegreesOfFreedom);
        writer.WriteNumber("qP", h.QPValue);
        ShareCommand.Nullable(writer, "piLower", m.PredictionLower);
        ShareCommand.Nullable(writer, "piUpper", m.PredictionUpper);
        writer.WriteBoolean("converged", m.Converged);
        writer.WriteNumber("iterations", m.Iterations);
    });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A problem with the meta-analysis table, its message naming file, row, column and value; <see cref="Usage"/>
/// when the file cannot be used at all (missing, unreadable, a column absent).</summary>
internal sealed class MetaInputException(string message, bool usage) : Exception(message)
{
    public bool Usage { get; } = usage;
}

/// <summary>A table of studies read for <c>evidence meta</c>: the effect sizes and their labels.</summary>
internal sealed record MetaTable(EffectSize[] Studies, string[] Labels)
{
    private static readonly string[] LabelColumns = ["study", "author", "authors", "slab", "id"];

    public static MetaTable Read(string path, EffectMeasure measure, IReadOnlyDictionary<string, string> names, string? studyColumn)
    {
        string file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new MetaInputException($"There is no file '{path}'.", usage: true);
        List<RawRow> rows;
        try
        {
            using var stream = WorkbookSource.OpenFile(path);
            using var source = Path.GetExtension(file).ToLowerInvariant() is ".csv" or ".tsv" or ".txt"
                ? new CsvWorkbookSource(stream, file, ImportOptions.Default)
                : WorkbookSource.OpenWorkbook(stream, file, ImportOptions.Default);
            if (source.SheetNames.Count == 0) throw new MetaInputException($"{file}: the workbook has no sheets.", usage: true);
            rows = source.OpenSheet(source.SheetNames[0]).ReadRows().Where(r => !r.IsBlank).ToList();
            if (source.OpeningProblems.FirstOrDefault(p => p.IsError) is { } problem) throw new MetaInputException(problem.ToString(), usage: true);
        }
        catch (WorkbookUnreadableException e)
        {
            throw new MetaInputException($"{file}: {e.Message}", usage: true);
        }
        if (rows.Count == 0) throw new MetaInputException($"{file}: the table is empty; it needs a header row and one row per study.", usage: true);
        var header = rows[0].Cells.Select(c => c.Text?.Trim() ?? "").ToArray();
        int Find(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var columns = names.Select(pair =>
        {
            int index = Find(pair.Value);
            if (index < 0)
                throw new MetaInputException($"{file}: there is no column '{pair.Value}' ({pair.Key}) for {measure.Code()}; the header is: {string.Join(", ", header.Where(h => h.Length > 0))}. Name it with --{pair.Key}.", usage: true);
            return (Argument: pair.Key, Name: header[index], Index: index);
        }).ToArray();
        int labelIndex = studyColumn is not null ? Find(studyColumn) : LabelColumns.Select(Find).FirstOrDefault(i => i >= 0, -1);
        if (studyColumn is not null && labelIndex < 0)
            throw new MetaInputException($"{file}: there is no column '{studyColumn}' for --study.", usage: true);

        // Every bad cell is listed with its place, as `evidence validate` lists a workbook's, not only the first.
        var studies = new List<EffectSize>();
        var labels = new List<string>();
        var problems = new List<string>();
        foreach (var row in rows.Skip(1))
        {
            var values = new double[columns.Length];
            bool readable = true;
            for (int c = 0; c < columns.Length; c++)
            {
                var (_, name, index) = columns[c];
                string text = index < row.Cells.Length ? row.Cells[index].Text?.Trim() ?? "" : "";
                if (text.Length == 0)
                    problems.Add(Where(file, row, name, index, text) + "the value is missing.");
                else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]) || !double.IsFinite(values[c]))
                    problems.Add(Where(file, row, name, index, text) + "not a number.");
                else continue;
                readable = false;
            }
            if (!readable) continue;
            try
            {
                studies.Add(Compute(measure, values));
            }
            catch (ArgumentException e)
            {
                // The factory names the quantity by its parameter; the table names it by its column.
                int c = ColumnOfParameter(measure, e.ParamName);
                var (_, name, index) = columns[Math.Max(0, c)];
                string text = index < row.Cells.Length ? row.Cells[index].Text?.Trim() ?? "" : "";
                string reason = e.Message.Split(" (Parameter", 2)[0];
                problems.Add(Where(file, row, name, index, text) + reason);
                continue;
            }
            labels.Add(labelIndex >= 0 && labelIndex < row.Cells.Length && !string.IsNullOrWhiteSpace(row.Cells[labelIndex].Text)
                ? row.Cells[labelIndex].Text!.Trim()
                : "Row " + row.Number.ToString(CultureInfo.InvariantCulture));
        }
        if (problems.Count > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{problems.Count:N0} problem{(problems.Count == 1 ? "" : "s")} in {file}, so nothing is pooled."));
            throw new MetaInputException(string.Join(Environment.NewLine, problems), usage: false);
        }
        return new MetaTable([.. studies], [.. labels]);
    }

    private static string Where(string file, RawRow row, string column, int index, string value) =>
        string.Create(CultureInfo.InvariantCulture, $"{file} row {row.Number}, column {column} ({CellReference.Of(row.Number, index)}), value '{value}': ");

    private static EffectSize Compute(EffectMeasure measure, double[] v) => measure switch
    {
        EffectMeasure.LogRiskRatio or EffectMeasure.LogOddsRatio or EffectMeasure.RiskDifference => EffectSize.FromCounts(measure, v[0], v[1], v[2], v[3]),
        EffectMeasure.StandardisedMeanDifference or EffectMeasure.MeanDifference => EffectSize.FromMeans(measure, v[0], v[1], v[2], v[3], v[4], v[5]),
        EffectMeasure.FisherZ => EffectSize.FromCorrelation(v[0], v[1]),
        EffectMeasure.LogitProportion or EffectMeasure.Proportion => EffectSize.FromProportion(measure, v[0], v[1]),
        _ => EffectSize.FromVariance(EffectMeasure.Generic, v[0], v[1]),
    };

    /// <summary>The column (in the measure's column order) of a factory parameter.</summary>
    private static int ColumnOfParameter(EffectMeasure measure, string? parameter) => (measure, parameter) switch
    {
        (_, "events1" or "size1" or "correlation" or "estimate") => 0,
        (_, "nonEvents1" or "mean1") => 1,
        (EffectMeasure.FisherZ or EffectMeasure.LogitProportion or EffectMeasure.Proportion, "size") => 1,
        (_, "events2" or "sd1" or "variance") => measure == EffectMeasure.Generic ? 1 : 2,
        (_, "nonEvents2" or "size2") => 3,
        (_, "mean2") => 4,
        (_, "sd2") => 5,
        (_, "events") => 0,
        _ => 0,
    };
}

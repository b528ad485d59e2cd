using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

// Screening results: a simulation as its metrics and parameters, deduplication as its groups with reasons, a record
// file as its records and problems, a record as its citation line.

[TypeFormatterSource(typeof(DisplayFormatterSource<ScreeningSimulation>))]
public sealed partial class ScreeningSimulation : IHtmlDisplayable
{
    /// <summary>The simulation as HTML: its metrics (WSS@95, recall@10%, ERF, loss, NDCG, when the last relevant record
    /// was found), where a stopping rule stopped it, and the parameters it ran with.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        int screened = Labels.Length;
        var document = new DisplayDocument(string.Create(CultureInfo.InvariantCulture, $"Screening simulation: {Records.Length:N0} records, {Relevant:N0} relevant, model {Options.Model.Name}, seed {Options.Seed}"))
            .Lead(string.Create(CultureInfo.InvariantCulture, $"The last relevant record was found after {StepsToLastRelevant:N0} of the {screened:N0} records screened after the prior knowledge ({ScreeningDisplay.Percent(StepsToLastRelevant / (double)screened)})."));
        var metrics = new DisplayTable("Metrics", "Metric", "#Value")
            .Add("WSS@95%", ScreeningDisplay.Percent(Wss95))
            .Add("WSS@100%", ScreeningDisplay.Percent(Wss100))
            .Add("Recall@10%", ScreeningDisplay.Percent(RecallAt10))
            .Add("Recall@25%", ScreeningDisplay.Percent(RecallAt25))
            .Add("ERF@10%", ScreeningDisplay.Percent(ErfAt10))
            .Add("Loss", string.Create(CultureInfo.InvariantCulture, $"{Loss:0.000}"))
            .Add("NDCG", string.Create(CultureInfo.InvariantCulture, $"{Ndcg:0.000}"))
            .Add("Average time to discovery", string.Create(CultureInfo.InvariantCulture, $"{AverageTimeToDiscovery:0.0}"))
            .Add("Last relevant found at", StepsToLastRelevant);
        var parameters = new DisplayTable("Parameters", "Parameter", "Value")
            .Add("seed", Options.Seed)
            .Add("prior relevant", Options.PriorIncluded)
            .Add("prior irrelevant", Options.PriorExcluded)
            .Add("batch size", Options.BatchSize);
        if (Options.Stop is { } rule)
            parameters.Add("stopping rule", rule.ToString());
        foreach (var (name, value) in Options.Model.Parameters)
            parameters.Add(name, value);
        if (Stop is { } stop)
            document.Lead(stop + ".");
        return document.Table(metrics).Table(parameters)
            .Note("Metrics as ASReview Insights computes them: screening order without the prior knowledge, records never screened counted as irrelevant at the end.");
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<DeduplicatedRecords>))]
public sealed partial record DeduplicatedRecords : IHtmlDisplayable
{
    /// <summary>The deduplication as HTML: records kept and removed, the removals by reason, and each duplicate group with
    /// its reason (the first 50 shown).</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        int removed = DuplicatesRemoved;
        var document = new DisplayDocument(string.Create(CultureInfo.InvariantCulture, $"Deduplication: {Records.Length + removed:N0} records, {removed:N0} duplicate{(removed == 1 ? "" : "s")} removed, {Records.Length:N0} kept"));
        var reasons = new DisplayTable("Removed by reason", "Reason", "#Records");
        foreach (var reason in Enum.GetValues<DuplicateReason>())
            reasons.Add(ScreeningDisplay.Reason(reason), RemovedFor(reason));
        reasons.Total("Total", removed);
        var groups = new DisplayTable("Duplicate groups", "Kept", "Duplicates", "Reason", "Title");
        foreach (var group in Groups)
            groups.Add(group.Kept.Id, string.Join(", ", group.Duplicates.Select(d => d.Id)), ScreeningDisplay.Reason(group.Reason), group.Kept.Title);
        document.Table(reasons);
        if (!Groups.IsEmpty)
            document.Table(groups);
        return document.Note("The first record of each group in input order is kept.");
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<RecordImport>))]
public sealed partial class RecordImport : IHtmlDisplayable
{
    /// <summary>The import as HTML: records read and labelled, the first records as citation lines, and every problem
    /// with its location and value.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts). The record list is capped at 20.</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        int errors = Problems.Count(p => p.IsError), warnings = Problems.Length - errors;
        int relevant = Records.Count(r => r.Included == true), irrelevant = Records.Count(r => r.Included == false);
        string counts = string.Create(CultureInfo.InvariantCulture, 
            $"{Records.Length:N0} records read, {relevant + irrelevant:N0} labelled ({relevant:N0} relevant, {irrelevant:N0} irrelevant); {errors:N0} error{(errors == 1 ? "" : "s")}, {warnings:N0} warning{(warnings == 1 ? "" : "s")}.");
        var document = new DisplayDocument("Records: " + Path.GetFileName(File.TrimEnd('/', '\\')));
        if (IsValid)
            document.Lead(counts);
        else
            document.Problem(counts + " Fix the errors below and read the file again.");
        var records = new DisplayTable("Records", "Id", "#Year", "Title", "Label") { MaxRows = 20 };
        foreach (var record in Records)
            records.Add(record.Id, record.Year?.ToString(CultureInfo.InvariantCulture), record.Title, ScreeningDisplay.Label(record.Included));
        document.Table(records);
        if (!Problems.IsEmpty)
            document.Table(ImportResult.ProblemTable(Problems));
        return document;
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<ScreeningModel>))]
public sealed partial record ScreeningModel : IHtmlDisplayable
{
    /// <summary>The model as HTML: its name and every parameter, as a simulation records them.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var table = new DisplayTable("", "Parameter", "Value");
        foreach (var (name, value) in Parameters)
            table.Add(name, value);
        return new DisplayDocument("Screening model " + Name).Table(table);
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<Record>))]
public sealed partial record Record
{
    /// <summary>The record's citation line: "12: Smith J, Jones K (2019). Title. Journal. doi:10.1000/xyz [relevant]".</summary>
    public override string ToString()
    {
        var line = new StringBuilder(Id).Append(':');
        if (!Authors.IsEmpty)
            line.Append(' ').Append(Authors.Length > 3 ? string.Join(", ", Authors.Take(3)) + " et al." : string.Join(", ", Authors));
        if (Year is { } year)
            line.Append(" (").Append(year.ToString(CultureInfo.InvariantCulture)).Append(").");
        else if (!Authors.IsEmpty)
            line.Append('.');
        foreach (string? part in (string?[])[Title, Journal])
        {
            if (!string.IsNullOrWhiteSpace(part))
                line.Append(' ').Append(part.TrimEnd('.')).Append('.');
        }
        if (RecordDeduplication.NormaliseDoi(Doi) is { } doi)
            line.Append(" doi:").Append(doi);
        if (Included is { } included)
            line.Append(" [").Append(ScreeningDisplay.Label(included)).Append(']');
        return line.ToString();
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<DuplicateGroup>))]
public sealed partial record DuplicateGroup
{
    /// <summary>"Kept 1, removed 3, 7 (same DOI): Title", in the invariant culture.</summary>
    public override string ToString()
    {
        string reason = ScreeningDisplay.Reason(Reason);
        return $"Kept {Kept.Id}, removed {string.Join(", ", Duplicates.Select(d => d.Id))} ({char.ToLowerInvariant(reason[0]) + reason[1..]}): {Kept.Title}";
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<Discovery>))]
public readonly partial record struct Discovery
{
    /// <summary>"Record 17 found at 4".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Record {RecordId} found at {Position}");
}

[TypeFormatterSource(typeof(DisplayFormatterSource<SimulationStop>))]
public sealed partial record SimulationStop
{
    /// <summary>"Stopped by irrelevant:5 after 21 records: recall 100%, work saved 65.0%".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Stopped by {Rule} after {Screened:N0} records: recall {ScreeningDisplay.Percent(Recall)}, work saved {ScreeningDisplay.Percent(WorkSaved)}");
}

[TypeFormatterSource(typeof(DisplayFormatterSource<RecallCurve>))]
public sealed partial class RecallCurve
{
    /// <summary>"Recall curve: 11 relevant of 58 records, all found after 11; recall 45.5% after 10%".</summary>
    public override string ToString()
    {
        int all = Found.IndexOf(Relevant) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"Recall curve: {Relevant:N0} relevant of {Records:N0} records, all found after {all:N0}; recall {ScreeningDisplay.Percent(ScreeningMetrics.Recall(Labels(), 0.10))} after 10%");
    }

    private bool[] Labels() => [.. Found.Select((found, i) => found > (i == 0 ? 0 : Found[i - 1]))];
}

[TypeFormatterSource(typeof(DisplayFormatterSource<StoppingRule>))]
public sealed partial class StoppingRule;

/// <summary>Wording shared by the screening displays.</summary>
internal static class ScreeningDisplay
{
    /// <summary>"70.7%".</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    public static string Label(bool? included) => included switch { true => "relevant", false => "irrelevant", _ => "" };

    public static string Reason(DuplicateReason reason) => reason switch
    {
        DuplicateReason.Doi => "Same DOI",
        DuplicateReason.TitleAndYear => "Same title and year",
        _ => "Near-identical title and abstract",
    };
}

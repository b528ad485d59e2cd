using System.Globalization;
using System.Text;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Display;

/// <summary>The screening results as a notebook shows them, with values worked out by hand.</summary>
public sealed class ScreeningDisplayTests
{
    private static Dictionary<string, string> Format(object value) => MimeFormatter.Format(value).ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Record_IsItsCitationLine()
    {
        var record = new Record
        {
            Id = "12", Authors = ["Smith J", "Jones K"], Year = 2019, Title = "Nudges work.", Journal = "BMJ",
            Doi = "https://doi.org/10.1136/BMJ.X1", Included = true,
        };

        var formatted = Format(record);

        Assert.Equal("12: Smith J, Jones K (2019). Nudges work. BMJ. doi:10.1136/bmj.x1 [relevant]", formatted["text/plain"]);
        Assert.Contains("12: Smith J, Jones K (2019). Nudges work.", formatted["text/html"], StringComparison.Ordinal);
        Assert.Equal("7: Untitled letter.", new Record { Id = "7", Title = "Untitled letter" }.ToString());
    }

    [Fact]
    public void DeduplicatedRecords_ShowEachGroupWithItsReason()
    {
        // 1 and 3 share a DOI (case and resolver differ); 2 and 4 share a title (case and punctuation ignored: "walking groups mood") and year. Kept: 1 and 2.
        Record[] records =
        [
            new() { Id = "1", Title = "Peer support for mothers", Year = 2019, Doi = "10.1/ABC" },
            new() { Id = "2", Title = "Walking groups & mood", Year = 2020 },
            new() { Id = "3", Title = "Peer support for mothers: a trial", Year = 2021, Doi = "https://doi.org/10.1/abc" },
            new() { Id = "4", Title = "WALKING groups... mood?", Year = 2020 },
        ];
        var deduplicated = RecordDeduplication.Deduplicate(records);
        var formatted = Format(deduplicated);

        Assert.StartsWith("Deduplication: 4 records, 2 duplicates removed, 2 kept\n", formatted["text/plain"], StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>3</td><td>Same DOI</td><td>Peer support for mothers</td></tr>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("<tr><td>2</td><td>4</td><td>Same title and year</td><td>Walking groups &amp; mood</td></tr>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("<tr class=\"ea-total\"><td>Total</td><td class=\"ea-num\">2</td></tr>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Equal("Kept 1, removed 3 (same DOI): Peer support for mothers", Format(deduplicated.Groups[0])["text/plain"]);
    }

    /// <summary>60 records: every fifth relevant and about nudges, the rest about other things (separable, so the SVM
    /// screens the 11 relevant records left after the prior knowledge first).</summary>
    private static Record[] Separable()
    {
        string[] topics = ["surgery outcomes", "hospital costs", "nurse staffing", "drug prices", "patient travel", "bed occupancy"];
        return [.. Enumerable.Range(0, 60).Select(i => new Record
        {
            Id = (i + 1).ToString(CultureInfo.InvariantCulture),
            Title = i % 5 == 0 ? $"Nudge reminders for prescribing {i}" : $"Study of {topics[i % topics.Length]} {i}",
            Abstract = i % 5 == 0 ? "A default option nudge changed physician behaviour." : $"We measured {topics[(i + 1) % topics.Length]} in region {i % 7}.",
            Included = i % 5 == 0,
        })];
    }

    [Fact]
    public void ScreeningSimulation_ShowsItsMetricsStopAndParameters()
    {
        // After 1 + 1 priors: N = 58 labels, P = 11, all relevant first.
        // WSS@95: the 10th relevant is found at index 9; a random order (round(11i/57)) reaches 10 at index 50: (50 − 9)/58 = 70.7%.
        // WSS@100: 11th at index 10, random at 55: 45/58 = 77.6%. Recall@10%: ⌊5.8⌋ = 5 records, 5 of 11 = 45.5%.
        // ERF@10%: (5 − round(4·11/57) = 1)/11 = 36.4%. Last relevant at 11 (19.0% of 58), mean discovery (1 + … + 11)/11 = 6.
        // irrelevant:5 stops after 1 + 1 + 11 + 5 = 18 records: recall 12/12, work saved 1 − 18/60 = 70%.
        var simulation = ScreeningSimulation.Run(Separable(), new SimulationOptions { Stop = StoppingRule.ConsecutiveIrrelevant(5) });

        var formatted = Format(simulation);
        string html = formatted["text/html"];

        Assert.StartsWith("Screening simulation: 60 records, 12 relevant, model elas_u4, seed 1\nThe last relevant record was found after 11 of the 58 records screened after the prior knowledge (19.0%).\nStopped by irrelevant:5 after 18 records: recall 100.0%, work saved 70.0%.", formatted["text/plain"], StringComparison.Ordinal);
        foreach (var (metric, value) in new[] { ("WSS@95%", "70.7%"), ("WSS@100%", "77.6%"), ("Recall@10%", "45.5%"), ("Recall@25%", "100.0%"), ("ERF@10%", "36.4%"),
            ("Loss", "0.000"), ("NDCG", "1.000"), ("Average time to discovery", "6.0"), ("Last relevant found at", "11") })
            Assert.Contains($"<td>{metric}</td><td class=\"ea-num\">{value}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>classifier</td><td>svm</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>classifier.C</td><td>0.11</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>stopping rule</td><td>irrelevant:5</td>", html, StringComparison.Ordinal);
        Assert.Equal("Record 1 found at 1", Format(new Discovery("1", 1))["text/plain"]);
        Assert.Equal("Recall curve: 11 relevant of 58 records, all found after 11; recall 45.5% after 10%", Format(simulation.Curve)["text/plain"]);
    }

    [Fact]
    public void ScreeningModel_IsItsParameterTable()
    {
        string html = Format(ScreeningModel.ElasU3)["text/html"];

        Assert.Contains("Screening model elas_u3", html, StringComparison.Ordinal);
        Assert.Contains("<td>classifier.alpha</td><td>3.822</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>balancer.ratio</td><td>1.2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordImport_CountsLabelsAndListsRecords()
    {
        // Three rows: one relevant, one irrelevant, one unlabelled.
        const string csv = "title,year,included\nNudges for doctors,2019,1\nHospital costs,2020,0\nBed occupancy,,\n";
        var import = RecordFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "records.csv");

        var formatted = Format(import);

        Assert.StartsWith("Records: records.csv\n3 records read, 2 labelled (1 relevant, 1 irrelevant); 0 errors, 0 warnings.", formatted["text/plain"], StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td class=\"ea-num\">2019</td><td>Nudges for doctors</td><td>relevant</td></tr>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("<tr><td>3</td><td class=\"ea-num\"></td><td>Bed occupancy</td><td></td></tr>", formatted["text/html"], StringComparison.Ordinal);
    }
}

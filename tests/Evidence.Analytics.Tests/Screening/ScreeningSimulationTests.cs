namespace Evidence.Analytics.Tests.Screening;

public sealed class ScreeningSimulationTests
{
    /// <summary>60 records: every fifth is relevant and mentions nudges and reminders; the rest are about other things.</summary>
    private static Record[] Synthetic()
    {
        string[] topics = ["surgery outcomes", "hospital costs", "nurse staffing", "drug prices", "patient travel", "bed occupancy"];
        return [.. Enumerable.Range(0, 60).Select(i => new Record
        {
            Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = i % 5 == 0 ? $"Nudge reminders for prescribing {i}" : $"Study of {topics[i % topics.Length]} {i}",
            Abstract = i % 5 == 0 ? "A default option nudge changed physician behaviour." : $"We measured {topics[(i + 1) % topics.Length]} in region {i % 7}.",
            Included = i % 5 == 0,
        })];
    }

    [Theory]
    [InlineData("svm")]
    [InlineData("nb")]
    [InlineData("logistic")]
    public void Run_SeparableRecords_FindsEveryRelevantRecordFirst(string model)
    {
        var simulation = ScreeningSimulation.Run(Synthetic(), new SimulationOptions { Model = ScreeningModel.Named(model), Seed = 3 });

        // 12 relevant, one in the priors: the other 11 are the first 11 records screened.
        Assert.Equal(12, simulation.Relevant);
        Assert.Equal(58, simulation.Labels.Length);
        Assert.All(simulation.Order.Take(11), i => Assert.True(simulation.Records[i].Included));
        Assert.Equal(11, simulation.StepsToLastRelevant);
        Assert.Equal(0, simulation.Loss, 1e-15);
        Assert.Equal(1, simulation.Ndcg, 1e-15);
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameOrder_AnotherSeedOtherPriors()
    {
        var records = Synthetic();
        var options = new SimulationOptions { Seed = 11, Model = ScreeningModel.ElasU4 with { Query = QueryStrategy.MaxRandom } };

        var first = ScreeningSimulation.Run(records, options);
        var second = ScreeningSimulation.Run(records, options);
        var other = ScreeningSimulation.Run(records, options with { Seed = 12 });

        Assert.Equal(first.Priors.ToArray(), second.Priors.ToArray());
        Assert.Equal(first.Order.ToArray(), second.Order.ToArray());
        Assert.NotEqual(first.Priors.ToArray(), other.Priors.ToArray());
    }

    [Fact]
    public void Run_WithAStoppingRule_ReportsWhereItStopped()
    {
        var records = Synthetic();
        var options = new SimulationOptions { Stop = StoppingRule.ConsecutiveIrrelevant(5), BatchSize = 2 };

        var simulation = ScreeningSimulation.Run(records, options);

        // Worked out from the order: priors, then the first run of five irrelevant records ends the screening.
        var screened = simulation.Priors.Concat(simulation.Order).Select(i => records[i].Included == true).ToList();
        int end = Enumerable.Range(5, screened.Count - 4).First(n => screened.Skip(n - 5).Take(5).All(l => !l));
        var stop = simulation.Stop!;
        Assert.Equal(end, stop.Screened);
        Assert.Equal(screened.Take(end).Count(l => l) / 12.0, stop.Recall, 1e-15);
        Assert.Equal(1 - end / 60.0, stop.WorkSaved, 1e-15);
        Assert.Equal("irrelevant:5", stop.Rule.ToString());
    }

    [Fact]
    public void Run_UnlabelledRecord_IsRefused()
    {
        var records = Synthetic();
        records[7] = records[7] with { Included = null };

        var error = Assert.Throws<ArgumentException>(() => ScreeningSimulation.Run(records));

        Assert.Contains("1 of the 60 records have no label", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("irrelevant:50", "irrelevant:50")]
    [InlineData("fraction:0.5", "fraction:0.5")]
    [InlineData("recall:0.95", "recall:0.95@0.95")]
    [InlineData("recall:0.9@0.99", "recall:0.9@0.99")]
    [InlineData("relevant", "relevant")]
    public void StoppingRule_Parse_RoundTrips(string text, string expected) => Assert.Equal(expected, StoppingRule.Parse(text).ToString());

    [Theory]
    [InlineData("irrelevant:1000", "1,000 irrelevant records in a row")]
    [InlineData("irrelevant:1", "1 irrelevant record")]
    [InlineData("fraction:0.25", "25% of the records screened")]
    [InlineData("recall:0.95", "95% recall, with 95% confidence")]
    [InlineData("recall:0.975@0.99", "97.5% recall, with 99% confidence")]
    [InlineData("relevant", "every relevant record found")]
    public void StoppingRule_Description_SaysTheRuleInPlainWords(string text, string expected) =>
        Assert.Equal(expected, StoppingRule.Parse(text).Description);

    [Fact]
    public void StoppingRule_CombinedDescription_ListsEachRule() =>
        Assert.Equal("any of: 100 irrelevant records in a row; 95% recall, with 95% confidence",
            StoppingRule.Any(StoppingRule.ConsecutiveIrrelevant(100), StoppingRule.TargetRecall(0.95)).Description);

    [Theory]
    [InlineData("maybe")]
    [InlineData("irrelevant:x")]
    [InlineData("fraction:2")]
    public void StoppingRule_Parse_RefusesNonsense(string text) => Assert.Throws<FormatException>(() => StoppingRule.Parse(text));

    /// <summary>The quality bounds: seeds 1–5, priors 1 + 1, on the full corpus against the scikit-learn replica's figures.</summary>
    [DatasetFact("Nagtegaal_2019.csv")]
    public void Run_Nagtegaal_ReachesTheAnchorsQuality()
    {
        var records = RecordFile.Read(SharedDatasets.PathOf("Nagtegaal_2019.csv"), labelColumn: "label_included").GetRecordsOrThrow();
        Assert.Equal((2019, 101), (records.Length, records.Count(r => r.Included == true)));

        var svm = Enumerable.Range(1, 5).Select(seed => ScreeningSimulation.Run(records, new SimulationOptions { Seed = seed })).ToList();
        var nb = Enumerable.Range(1, 5).Select(seed => ScreeningSimulation.Run(records, new SimulationOptions { Seed = seed, Model = ScreeningModel.ElasU3 })).ToList();

        Assert.InRange(svm.Average(s => s.Wss95), 0.70, 0.76);
        Assert.InRange(svm.Average(s => s.RecallAt10), 0.62, 0.70);
        Assert.InRange(nb.Average(s => s.Wss95), 0.52, 0.58);
    }
}

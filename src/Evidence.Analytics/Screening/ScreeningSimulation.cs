using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>The settings of a screening simulation.</summary>
public sealed record SimulationOptions
{
    /// <summary>The model (default ASReview's ELAS u4).</summary>
    public ScreeningModel Model { get; init; } = ScreeningModel.ElasU4;

    /// <summary>The seed of the prior knowledge, the SVM's visiting order and the random queries.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Relevant records drawn as prior knowledge.</summary>
    public int PriorIncluded { get; init; } = 1;

    /// <summary>Irrelevant records drawn as prior knowledge.</summary>
    public int PriorExcluded { get; init; } = 1;

    /// <summary>Records labelled between two retrainings (1: retrain after every label).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>A stopping rule to evaluate along the way, or null. The simulation still runs to the last relevant record
    /// (and on until the rule stops it) so that the metrics are complete.</summary>
    public StoppingRule? Stop { get; init; }
}

/// <summary>Where a stopping rule stopped a simulation, and what it cost.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Screened">Records screened when it stopped, prior knowledge included.</param>
/// <param name="Recall">The share of relevant records found by then (prior knowledge included).</param>
/// <param name="WorkSaved">The share of records not screened.</param>
public sealed partial record SimulationStop(StoppingRule Rule, int Screened, double Recall, double WorkSaved);

/// <summary>A replay of screening with active learning on records whose labels are known: prior knowledge drawn by seed,
/// then the model retrained after each label (or batch) and the highest-ranked record labelled next, until the last
/// relevant record is found (or a stopping rule stops it later).</summary>
/// <remarks>The metrics follow ASReview Insights: computed on the labels in screening order without the prior
/// knowledge, the records never screened counted as irrelevant at the end (<see cref="ScreeningMetrics"/>). The same
/// records, options and seed give the same order on every machine: the random streams are SplitMix64, sums run in a
/// fixed order, and ties in the ranking go to the record earlier in the file.</remarks>
public sealed partial class ScreeningSimulation
{
    private ScreeningSimulation(ImmutableArray<Record> records, SimulationOptions options, ImmutableArray<int> priors, ImmutableArray<int> order, SimulationStop? stop)
    {
        Records = records;
        Options = options;
        Priors = priors;
        Order = order;
        Stop = stop;
        Labels = [.. order.Select(i => records[i].Included == true), .. Enumerable.Repeat(false, records.Length - priors.Length - order.Length)];
        Relevant = records.Count(r => r.Included == true);
        Curve = new RecallCurve(Labels);
        Discoveries = ScreeningMetrics.TimeToDiscovery([.. order.Select(i => records[i].Id)], [.. Labels.Take(order.Length)]);
    }

    /// <summary>The records simulated on, in file order.</summary>
    public ImmutableArray<Record> Records { get; }

    /// <summary>The settings, model parameters included.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The relevant records among <see cref="Records"/>.</summary>
    public int Relevant { get; }

    /// <summary>The prior knowledge: indexes into <see cref="Records"/>, relevant ones first.</summary>
    public ImmutableArray<int> Priors { get; }

    /// <summary>The screening order after the prior knowledge: indexes into <see cref="Records"/>.</summary>
    public ImmutableArray<int> Order { get; }

    /// <summary>The labels the metrics use: screening order without the prior knowledge, padded with irrelevant to the
    /// number of records not in the prior knowledge.</summary>
    public ImmutableArray<bool> Labels { get; }

    /// <summary>The recall curve over <see cref="Labels"/>.</summary>
    public RecallCurve Curve { get; }

    /// <summary>Each relevant record screened after the prior knowledge, with its position.</summary>
    public ImmutableArray<Discovery> Discoveries { get; }

    /// <summary>Where the stopping rule stopped, or null without one.</summary>
    public SimulationStop? Stop { get; }

    /// <summary>Records screened after the prior knowledge until the last relevant record was found.</summary>
    public int StepsToLastRelevant => Discoveries.IsEmpty ? 0 : Discoveries[^1].Position;

    /// <summary>Work saved over sampling at 95% recall.</summary>
    public double Wss95 => ScreeningMetrics.WorkSaved(Labels, 0.95);

    /// <summary>Work saved over sampling at 100% recall.</summary>
    public double Wss100 => ScreeningMetrics.WorkSaved(Labels, 1.0);

    /// <summary>Recall after screening 10% of the records.</summary>
    public double RecallAt10 => ScreeningMetrics.Recall(Labels, 0.10);

    /// <summary>Recall after screening 25% of the records.</summary>
    public double RecallAt25 => ScreeningMetrics.Recall(Labels, 0.25);

    /// <summary>Extra relevant found after screening 10% of the records.</summary>
    public double ErfAt10 => ScreeningMetrics.ExtraRelevantFound(Labels, 0.10);

    /// <summary>The loss (0 best, 1 worst).</summary>
    public double Loss => ScreeningMetrics.Loss(Labels);

    /// <summary>The normalised discounted cumulative gain.</summary>
    public double Ndcg => ScreeningMetrics.Ndcg(Labels);

    /// <summary>The average time to discovery, in records screened after the prior knowledge.</summary>
    public double AverageTimeToDiscovery => ScreeningMetrics.AverageTimeToDiscovery(Discoveries);

    /// <summary>Runs a simulation.</summary>
    /// <param name="records">Labelled records (every <see cref="Record.Included"/> true or false).</param>
    /// <param name="options">The settings; null for the defaults (ELAS u4, seed 1, one relevant and one irrelevant prior).</param>
    /// <exception cref="ArgumentException">A record is unlabelled, or there are too few relevant or irrelevant records
    /// for the prior knowledge and a remaining relevant record.</exception>
    public static ScreeningSimulation Run(IEnumerable<Record> records, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new SimulationOptions();
        options.Model.Check();
        var list = records.ToImmutableArray();
        int unlabelled = list.Count(r => r.Included is null);
        if (unlabelled > 0)
            throw new ArgumentException($"{unlabelled} of the {list.Length} records have no label; a simulation needs every record labelled (first: record {list.First(r => r.Included is null).Id}).", nameof(records));
        bool[] relevant = [.. list.Select(r => r.Included == true)];
        int[] included = [.. Enumerable.Range(0, list.Length).Where(i => relevant[i])];
        int[] excluded = [.. Enumerable.Range(0, list.Length).Where(i => !relevant[i])];
        if (options.PriorIncluded < 1 || options.PriorExcluded < 1 || options.BatchSize < 1)
            throw new ArgumentException("A simulation needs at least one relevant and one irrelevant prior, and batches of at least one record.", nameof(options));
        if (included.Length <= options.PriorIncluded || excluded.Length < options.PriorExcluded)
            throw new ArgumentException($"The records have {included.Length} relevant and {excluded.Length} irrelevant; the prior knowledge takes {options.PriorIncluded} + {options.PriorExcluded} and at least one relevant record must remain to be found.", nameof(options));

        // Prior knowledge: each class drawn from its own stream of the seed (as ASReview seeds each class afresh).
        ulong seed = (ulong)(uint)options.Seed;
        var priors = Draw(included, options.PriorIncluded, new SplitMix(seed * 2 + 1)).Concat(Draw(excluded, options.PriorExcluded, new SplitMix(seed * 2 + 2))).ToList();

        var features = TfidfFeatures.Fit(list, options.Model.FeatureOptions);
        var x = features.Matrix;
        var classifier = RankingClassifier.Create(options.Model, x.ColumnCount, seed ^ 0x5EED5EED5EEDUL);
        var queries = new SplitMix(seed ^ 0xA5A5A5A5UL);

        var labelled = new List<int>(priors);
        var labels = new List<bool>(priors.Select(i => relevant[i]));
        var inPool = new bool[list.Length];
        Array.Fill(inPool, true);
        foreach (int i in priors) inPool[i] = false;
        int pool = list.Length - priors.Count;
        int found = labels.Count(l => l);
        var order = ImmutableArray.CreateBuilder<int>();
        SimulationStop? stop = null;
        var scores = new double[list.Length];
        while (pool > 0 && (found < included.Length || (options.Stop is not null && stop is null)))
        {
            classifier.Fit(x, labelled, labels, RankingClassifier.Weights(labels, options.Model.BalanceRatio));
            classifier.ScoreAll(x, inPool, scores);
            for (int b = 0; b < options.BatchSize && pool > 0; b++)
            {
                int next = options.Model.Query == QueryStrategy.MaxRandom && queries.NextDouble() >= 0.95
                    ? RandomPoolRecord(inPool, pool, queries)
                    : Highest(scores, inPool);
                inPool[next] = false;
                pool--;
                labelled.Add(next);
                labels.Add(relevant[next]);
                order.Add(next);
                if (relevant[next]) found++;
                if (options.Stop is not null && stop is null && options.Stop.ShouldStop(labels, list.Length, included.Length))
                    stop = new SimulationStop(options.Stop, labels.Count, found / (double)included.Length, 1 - labels.Count / (double)list.Length);
                if (found == included.Length && (options.Stop is null || stop is not null)) break;
            }
        }
        return new ScreeningSimulation(list, options, [.. priors], order.ToImmutable(), stop);
    }

    private static IEnumerable<int> Draw(int[] from, int count, SplitMix random)
    {
        var copy = from.ToList();
        for (int k = 0; k < count; k++)
        {
            int j = k + random.NextInt(copy.Count - k);
            (copy[k], copy[j]) = (copy[j], copy[k]);
        }
        return copy.Take(count);
    }

    /// <summary>The pool record with the highest score, the earlier on ties.</summary>
    private static int Highest(double[] scores, bool[] inPool)
    {
        int best = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            if (inPool[i] && (best < 0 || scores[i] > scores[best])) best = i;
        }
        return best;
    }

    private static int RandomPoolRecord(bool[] inPool, int pool, SplitMix random)
    {
        int target = random.NextInt(pool);
        for (int i = 0; i < inPool.Length; i++)
        {
            if (inPool[i] && target-- == 0) return i;
        }
        throw new InvalidOperationException("The pool is empty.");
    }
}

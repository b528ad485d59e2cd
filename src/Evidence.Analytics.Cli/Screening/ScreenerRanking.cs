using System.Collections.Immutable;
using System.Diagnostics;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Cli;

/// <summary>The records of a project ranked for one screener by a model trained on that screener's own decisions, and
/// retrained in the background: <see cref="Order"/> is always the latest finished ranking, so the next record never waits
/// for training; a retrain asked for while one runs is run once it finishes, with the decisions made by then.</summary>
/// <remarks>Until the screener has both an include and an exclude, records are ranked in project order (as ASReview screens
/// top-down until the model can be fitted). Maybes are not training labels. The SVM is warm-started from its previous fit
/// while the decisions only grow; an undo starts it afresh.</remarks>
internal sealed class ScreenerRanking(ScreeningProject project, ScreeningFeatures features, string screener, ScreeningModel model)
{
    private readonly Lock _gate = new();
    private int[] _order = [.. Enumerable.Range(0, project.Records.Length)];
    private bool _running, _again;
    private ImmutableArray<(int Record, bool Included)> _pending = [];
    private RankingClassifier? _classifier;
    private List<int> _lastLabelled = [];

    /// <summary>Record positions, best first, from the latest finished training.</summary>
    public int[] Order => Volatile.Read(ref _order);

    /// <summary>Trainings finished.</summary>
    public int Version { get; private set; }

    /// <summary>The task of the training running or last run (for tests and the benchmark).</summary>
    public Task Training { get; private set; } = Task.CompletedTask;

    /// <summary>Asks for a retrain on the screener's standing decisions (in the order made).</summary>
    public void Retrain(IEnumerable<ScreeningEvent> standing)
    {
        var labels = standing.Where(e => e.Choice is ScreeningChoice.Include or ScreeningChoice.Exclude)
            .Select(e => (project.IndexOf(e.RecordId), e.Choice == ScreeningChoice.Include)).ToImmutableArray();
        lock (_gate)
        {
            _pending = labels;
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
            Training = Task.Run(Loop);
        }
    }

    private void Loop()
    {
        while (true)
        {
            ImmutableArray<(int Record, bool Included)> labels;
            lock (_gate)
            {
                labels = _pending;
                _again = false;
            }
            try
            {
                Train(labels);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or ScreeningProjectException or Microsoft.Data.Sqlite.SqliteException)
            {
                // A failed training leaves the previous ranking in place; the next decision asks again.
                Console.Error.WriteLine($"Retraining for {screener} failed: {e.Message}");
            }
            lock (_gate)
            {
                if (!_again)
                {
                    _running = false;
                    return;
                }
            }
        }
    }

    /// <summary>Trains on the labels and swaps in the new ranking.</summary>
    internal void Train(ImmutableArray<(int Record, bool Included)> labels)
    {
        if (!labels.Any(l => l.Included) || labels.All(l => l.Included)) return;
        var clock = Stopwatch.StartNew();
        var labelled = labels.Select(l => l.Record).ToList();
        var relevant = labels.Select(l => l.Included).ToList();
        bool extends = _classifier is not null && labelled.Count >= _lastLabelled.Count && _lastLabelled.SequenceEqual(labelled.Take(_lastLabelled.Count));
        if (!extends) _classifier = RankingClassifier.Create(model, features.Matrix.ColumnCount, 0x5EED5EED5EEDUL);
        _classifier!.Fit(features.Matrix, labelled, relevant, RankingClassifier.Weights(relevant, model.BalanceRatio));
        _lastLabelled = labelled;
        var scores = new double[project.Records.Length];
        _classifier.ScoreAll(features.Matrix, null, scores);
        int[] order = [.. Enumerable.Range(0, scores.Length)];
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        Volatile.Write(ref _order, order);
        Version++;
        clock.Stop();
        project.RecordModelRun(new ModelRun(DateTimeOffset.UtcNow, screener, model.Name, model.Parameters, labels.Length, relevant.Count(r => r), clock.Elapsed.TotalMilliseconds));
    }
}

/// <summary>The TF-IDF features of a project's records, fitted once on all of them for the model's settings.</summary>
internal sealed class ScreeningFeatures
{
    public ScreeningFeatures(ScreeningProject project, ScreeningModel model)
    {
        Matrix = TfidfFeatures.Fit(project.Records, model.FeatureOptions).Matrix;
    }

    public SparseRows Matrix { get; }
}

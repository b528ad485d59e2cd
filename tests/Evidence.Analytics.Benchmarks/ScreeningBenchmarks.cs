using System.Text;
using BenchmarkDotNet.Attributes;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Screening (issue 13): one full simulation to the last relevant record on Nagtegaal_2019 (2,019 records, 101
/// relevant; targets under 2 s for ELAS u4, where the scikit-learn loop takes 21–40 s), and on 100,000 records import +
/// TF-IDF (target under 10 s) and one retrain + re-rank with 1,000 records labelled (target under 1 s).</summary>
/// <remarks>The corpus is read from ../shared/datasets/ beside the repository. The 100,000 records are made from it: each
/// is one Nagtegaal record's title with another's abstract and a number, so the vocabulary keeps growing. They run
/// with the collector the <c>evidence</c> command uses (not concurrent; see its project file).</remarks>
[MemoryDiagnoser]
[GcConcurrent(false)]
public class ScreeningBenchmarks
{
    private System.Collections.Immutable.ImmutableArray<Record> _nagtegaal;
    private string _large = "";
    private SparseRows? _largeFeatures;
    private int[] _labelled = [];
    private bool[] _relevant = [];

    [GlobalSetup]
    public void Setup()
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Evidence.Analytics.sln"))) root = Path.GetDirectoryName(root);
        string corpus = Path.GetFullPath(Path.Combine(root ?? ".", "..", "shared", "datasets", "Nagtegaal_2019.csv"));
        _nagtegaal = RecordFile.Read(corpus, labelColumn: "label_included").GetRecordsOrThrow();

        _large = Path.Combine(Path.GetTempPath(), "evidence-screening-100000.csv");
        if (!File.Exists(_large))
        {
            var random = new Random(13);
            using var writer = new StreamWriter(_large, false, new UTF8Encoding(false));
            var records = Enumerable.Range(0, 100_000).Select(i =>
            {
                var a = _nagtegaal[random.Next(_nagtegaal.Length)];
                var b = _nagtegaal[random.Next(_nagtegaal.Length)];
                return new Record { Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Title = a.Title + " " + i, Abstract = b.Abstract, Included = a.Included };
            });
            RecordCsv.Write(writer, records);
        }
        var large = RecordFile.Read(_large).GetRecordsOrThrow();
        _largeFeatures = TfidfFeatures.Fit(large, new TfidfOptions()).Matrix;
        _labelled = [.. Enumerable.Range(0, 1000).Select(i => i * 97)];
        _relevant = [.. _labelled.Select(i => large[i].Included == true)];
    }

    [Benchmark]
    public double SimulateNagtegaalElasU4() => ScreeningSimulation.Run(_nagtegaal, new SimulationOptions { Seed = 1 }).Wss95;

    [Benchmark]
    public double SimulateNagtegaalElasU3() => ScreeningSimulation.Run(_nagtegaal, new SimulationOptions { Seed = 1, Model = ScreeningModel.ElasU3 }).Wss95;

    [Benchmark]
    public int ImportAndTfidf100000()
    {
        var records = RecordFile.Read(_large).GetRecordsOrThrow();
        return TfidfFeatures.Fit(records, new TfidfOptions()).Matrix.ColumnCount;
    }

    [Benchmark]
    public double RetrainAndRank100000()
    {
        var x = _largeFeatures!;
        var svm = new LinearSvm(0.11, 1e-4, 1000, x.ColumnCount, 1);
        svm.Fit(x, _labelled, _relevant, RankingClassifier.Weights(_relevant, 9.8));
        double best = double.NegativeInfinity;
        for (int i = 0; i < x.RowCount; i++) best = Math.Max(best, svm.Score(x, i));
        return best;
    }
}

using BenchmarkDotNet.Attributes;
using Evidence.Analytics;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Notebook display of a large evidence base: the HTML a cell shows for <c>evidence</c> and <c>evidence.Map()</c>.</summary>
/// <remarks>Tables are capped, so the cost is the counting, not the HTML; both should stay well under a second at
/// 100,000 studies so a notebook cell feels immediate.</remarks>
[MemoryDiagnoser]
public class DisplayBenchmarks
{
    private EvidenceBase _evidence = null!;
    private EvidenceMap _map = null!;

    [Params(100_000)]
    public int Studies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _evidence = SyntheticEvidence.Generate(Studies);
        _map = _evidence.Map();
    }

    [Benchmark(Baseline = true)]
    public string EvidenceBaseSummaryHtml() => _evidence.ToHtml();

    [Benchmark]
    public string EvidenceMapHtml() => _map.ToHtml();
}

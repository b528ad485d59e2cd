using BenchmarkDotNet.Attributes;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Writing the interactive evidence map's HTML for a 10,000-study evidence base (the browser side is measured
/// by <see cref="InteractiveEvidenceMapMeasurement"/>).</summary>
[MemoryDiagnoser]
public class InteractiveEvidenceMapBenchmarks
{
    private EvidenceBase _evidence = null!;

    [GlobalSetup]
    public void Setup() => _evidence = SyntheticEvidence.Generate(10_000);

    [Benchmark]
    public void Write() => InteractiveEvidenceMap.Write(_evidence, TextWriter.Null);
}

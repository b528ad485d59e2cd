using BenchmarkDotNet.Attributes;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Evidence maps and shares on 100,000 synthetic studies (about 400,000 findings).</summary>
/// <remarks>Targets: the full intervention × outcome map with breakdowns under 50 ms, a filtered share under 5 ms. The
/// integer index the first call builds is measured separately (<see cref="BuildIndex"/>); the other benchmarks reuse it,
/// as every call after the first does.</remarks>
[MemoryDiagnoser]
public class EvidenceMapBenchmarks
{
    private EvidenceBase _evidence = null!;
    private EvidenceFilter _ukRcts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _evidence = SyntheticEvidence.Generate(100_000);
        _ukRcts = EvidenceFilter.All with { Countries = ["UK"] };
        _evidence.Map(); // builds and caches the index
    }

    [Benchmark(Baseline = true)]
    public EvidenceMap InterventionByOutcomeMap() => _evidence.Map(Dimension.InterventionType, Dimension.OutcomeDomain);

    [Benchmark]
    public EvidenceMap DesignByCountryMap() => _evidence.Map(Dimension.Design, Dimension.Country);

    [Benchmark]
    public Share FilteredShare() => _evidence.Share(design: DesignGroup.Rct, outcome: OutcomeDomain.SocialConnection, filter: _ukRcts);

    [Benchmark]
    public ConsistencyRanking RankOutcomes() => _evidence.RankOutcomes(design: DesignGroup.Rct);

    [Benchmark]
    public object BuildIndex() => new EvidenceIndex(_evidence);
}

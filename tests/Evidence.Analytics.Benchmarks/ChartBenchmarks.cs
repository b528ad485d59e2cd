using BenchmarkDotNet.Attributes;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Drawing the report's charts as SVG text: a review-sized evidence base and a large evidence gap map.</summary>
/// <remarks>Each benchmark builds the chart from the evidence base and writes its SVG, as <c>evidence report</c>
/// does. The harvest and effect direction plots draw a mark per study, so they grow with the studies; the others
/// draw a mark per category.</remarks>
[MemoryDiagnoser]
public class ChartBenchmarks
{
    private EvidenceBase _evidence = null!;

    [Params(500, 5_000)]
    public int Studies { get; set; }

    [GlobalSetup]
    public void Setup() => _evidence = SyntheticEvidence.Generate(Studies);

    [Benchmark(Baseline = true)]
    public string GapMap() => _evidence.GapMapChart().ToSvg();

    [Benchmark]
    public string RctShares() => _evidence.ShareChart(DesignGroup.Rct).ToSvg();

    [Benchmark]
    public string DesignsByInterventionType() => _evidence.DesignsByInterventionTypeChart().ToSvg();

    [Benchmark]
    public string EffectDirectionPlot() => _evidence.EffectDirectionPlot().ToSvg();

    [Benchmark]
    public string HarvestPlot() => _evidence.HarvestPlot().ToSvg();

    [Benchmark]
    public string PrismaFlow() => _evidence.FlowDiagram().ToSvg();
}

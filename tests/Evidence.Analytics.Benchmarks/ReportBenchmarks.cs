using BenchmarkDotNet.Attributes;
using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>What <c>evidence report</c> does after the import, on 100,000 studies (about 400,000 findings): every chart
/// it writes as SVG, the summary workbook and the interactive map, each from a fresh evidence base as after an import.</summary>
/// <remarks>Target (issue 16): the whole <c>evidence report</c> process under 6 s and 1 GB on the 100,000-study
/// workbook, every SVG under 5 MB; the import is measured by <see cref="ImportBenchmarks"/>. The effect direction and
/// harvest plots aggregate at this size (one row per intervention type, one bar per design group), so no chart grows
/// with the studies. Run a short job: <c>-- --filter '*ReportBenchmarks*' --job short</c>.</remarks>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private EvidenceBase _generated = null!;
    private EvidenceBase _evidence = null!;
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = SyntheticEvidence.Generate(100_000);
        _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"report-benchmark-{Environment.ProcessId}")).FullName;
    }

    [IterationSetup]
    public void FreshEvidenceBase() =>
        _evidence = new EvidenceBase(_generated.Studies, _generated.Interventions, _generated.Findings, _generated.Flow, _generated.Configurations, _generated.Review);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>The charts of <c>evidence report</c> (its <c>ReportCommand.Charts</c>), as SVG text; returns the largest's length.</summary>
    [Benchmark(Baseline = true)]
    public int Charts()
    {
        Chart[] charts =
        [
            _evidence.GapMapChart(), _evidence.ShareChart(DesignGroup.Rct), _evidence.ShareChart(design: null),
            _evidence.InterventionTypeChart(), _evidence.DesignGroupChart(), _evidence.DesignsByInterventionTypeChart(),
            _evidence.TypologyChart(), _evidence.EffectDirectionPlot(), _evidence.HarvestPlot(), _evidence.FlowDiagram(),
        ];
        return charts.Max(chart => chart.ToSvg().Length);
    }

    [Benchmark]
    public void SummaryWorkbook() => Excel.SummaryWorkbook.Write(_evidence, Path.Combine(_folder, "summary.xlsx"), "synthetic.xlsx");

    [Benchmark]
    public void InteractiveMap() => InteractiveEvidenceMap.Write(_evidence, Path.Combine(_folder, "evidence-map.html"));
}

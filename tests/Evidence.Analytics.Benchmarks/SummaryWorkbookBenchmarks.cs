using BenchmarkDotNet.Attributes;
using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Writing Excel workbooks for a large evidence base (100,000 studies, about 400,000 findings) to a file:
/// the commissioner's summary workbook and the import-format workbook.</summary>
/// <remarks>Target (issue 5): summary.xlsx in under 3 s and 1 GB; openpyxl's streaming writer takes about 15 s for the
/// same rows. Each iteration wraps the studies in a new evidence base, so the summary pays for building the map index
/// as <c>evidence report</c> does after an import.</remarks>
[MemoryDiagnoser]
public class SummaryWorkbookBenchmarks
{
    private EvidenceBase _generated = null!;
    private EvidenceBase _evidence = null!;
    private string _path = null!;

    [Params(100_000)]
    public int Studies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generated = SyntheticEvidence.Generate(Studies);
        _path = Path.Combine(Path.GetTempPath(), $"summary-benchmark-{Environment.ProcessId}.xlsx");
    }

    [IterationSetup]
    public void FreshEvidenceBase() =>
        _evidence = new EvidenceBase(_generated.Studies, _generated.Interventions, _generated.Findings, _generated.Flow, _generated.Configurations, _generated.Review);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public void EvidenceWorkbook() => EvidenceWorkbookWriter.Write(_evidence, _path);

    [Benchmark]
    public void Summary() => SummaryWorkbook.Write(_evidence, _path, "synthetic.xlsx");
}

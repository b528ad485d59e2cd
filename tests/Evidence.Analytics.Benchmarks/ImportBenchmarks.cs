using BenchmarkDotNet.Attributes;
using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Import and validation of a 100,000-study workbook (about 400,000 finding rows, ~11 MB .xlsx) and of the
/// same evidence as a CSV folder. Target (issue 2): under 3.5 s and 400 MiB for the workbook, ten times faster than
/// pandas with openpyxl on the same machine.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _folder = "";
    private string _workbook = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "evidence-import-benchmark");
        Directory.CreateDirectory(_folder);
        _workbook = Path.Combine(_folder, "synthetic-100000.xlsx");
        if (!File.Exists(_workbook))
            EvidenceWorkbookWriter.Write(SyntheticEvidence.Generate(100_000), _workbook);
        Console.WriteLine($"// {_workbook}: {new FileInfo(_workbook).Length:N0} bytes");
    }

    [Benchmark(Baseline = true)]
    public int ReadXlsx()
    {
        var result = EvidenceWorkbook.Read(_workbook);
        if (!result.IsValid) throw new InvalidOperationException(result.ToString());
        return result.RowsImported;
    }
}

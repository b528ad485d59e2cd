using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/Evidence.Analytics.Benchmarks -- --filter '*'
// The interactive evidence map is measured in a browser, outside BenchmarkDotNet:
//   dotnet run -c Release --project tests/Evidence.Analytics.Benchmarks -- evidence-map-browser [studies] [runs]
if (args is ["evidence-map-browser", ..])
{
    await Evidence.Analytics.Benchmarks.InteractiveEvidenceMapMeasurement.RunAsync(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Evidence.Analytics.Benchmarks.ScreeningBenchmarks).Assembly).Run(args);

using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/Evidence.Analytics.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

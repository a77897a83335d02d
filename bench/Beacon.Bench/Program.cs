using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Beacon.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Beacon.Bench.ScoringBenchmark).Assembly).Run(args);

using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Beacon.Bench -- --filter '*'
// dotnet run -c Release --project bench/Beacon.Bench -- figures --url ... (bench/figures.sh runs it)
if (args is ["figures", ..])
{
    return await Beacon.Bench.Figures.FiguresBench.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Beacon.Bench.ScoringBenchmark).Assembly).Run(args);
return 0;

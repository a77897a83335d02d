using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Beacon.Bench -- --filter '*'
// dotnet run -c Release --project bench/Beacon.Bench -- figures --url ... (bench/figures.sh runs it)
// ... -- load --url ... / load-check --acks ... (bench/load.sh and bench/crash.sh run them)
// ... -- sign-in --url ... (bench/web.sh runs it: a staff member's cookie for wrk)
if (args is ["load", ..])
{
    return await Beacon.Bench.Load.LoadCommand.RunAsync(args[1..]);
}

if (args is ["load-check", ..])
{
    return await Beacon.Bench.Load.LoadCheck.RunAsync(args[1..]);
}

if (args is ["sign-in", ..])
{
    return await Beacon.Bench.Load.SignInCommand.RunAsync(args[1..]);
}

if (args is ["figures", ..])
{
    return await Beacon.Bench.Figures.FiguresBench.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Beacon.Bench.ScoringBenchmark).Assembly).Run(args);
return 0;

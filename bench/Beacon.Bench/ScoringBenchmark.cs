using BenchmarkDotNet.Attributes;
using Beacon.Core.Catalog;
using Beacon.Core.Screening;

namespace Beacon.Bench;

/// <summary>
/// Scoring one beacon-full screen (56 items, 8 rules). Target (issue 4): under 5 microseconds,
/// and no allocation beyond the result itself.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmark
{
    private Instrument _full = null!;
    private sbyte[] _noConcern = null!;
    private sbyte[] _typical = null!;
    private sbyte[] _everythingClear = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = Path.Combine(AppContext.BaseDirectory, "content");
        var catalog = IndicatorCatalog.Load(Path.Combine(content, "catalog", "indicators.json"));
        _full = InstrumentLoader.LoadDirectory(Path.Combine(content, "instruments"), catalog).Single(i => i.Id == "beacon-full" && !i.Retired);
        var n = _full.Items.Count();
        _noConcern = new sbyte[n];
        _everythingClear = Enumerable.Repeat((sbyte)2, n).ToArray();
        // A realistic mix: a few possible and clear answers, a third unknown.
        _typical = Enumerable.Range(0, n).Select(i => (sbyte)(i % 3 == 0 ? -1 : i % 7 == 0 ? 2 : i % 5 == 0 ? 1 : 0)).ToArray();
        Scoring.Score(_full, _noConcern); // compile the instrument outside the measurement
    }

    [Benchmark(Baseline = true)]
    public ScreeningResult NoConcern() => Scoring.Score(_full, _noConcern);

    [Benchmark]
    public ScreeningResult Typical() => Scoring.Score(_full, _typical);

    [Benchmark]
    public ScreeningResult EverythingClear() => Scoring.Score(_full, _everythingClear);
}

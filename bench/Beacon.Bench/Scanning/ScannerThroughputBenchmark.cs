using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Beacon.Core.Scanning;

namespace Beacon.Bench.Scanning;

/// <summary>
/// The note scanner's throughput on a generated note set (issue 7): target at least 50 MB/s per core (one thread
/// here) and at least 5 times the one-Regex baseline, both measured in the same run on the same notes. The MB/s
/// column is the notes' UTF-8 size divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Throughput))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ScannerThroughputBenchmark
{
    /// <summary>
    /// About half a megabyte of notes per language (some 480 notes): milliseconds for the scanner, tens of seconds
    /// for the one-Regex baseline over the same notes, which is why the set is not larger.
    /// </summary>
    public const int CharsPerLanguage = 500_000;

    private static readonly Dictionary<string, long> Bytes = [];

    private NoteScanner scanner = null!;
    private RegexBaseline baseline = null!;
    private IReadOnlyList<string> notes = [];

    [Params("en", "es")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content", "scanner");
        var lexicon = ScannerLexicon.Load(Path.Combine(folder, $"lexicon.{Language}.json"));
        var cues = ScannerCues.Load(Path.Combine(folder, $"cues.{Language}.json"));
        scanner = new NoteScanner(lexicon, cues);
        baseline = new RegexBaseline(lexicon);
        notes = GeneratedNotes.Generate(lexicon, cues, CharsPerLanguage);
        Bytes[Language] = notes.Sum(n => (long)Encoding.UTF8.GetByteCount(n));
        Console.WriteLine($"// {Language}: {notes.Count} notes, {Bytes[Language] / 1e6:0.00} MB, {lexicon.Terms.Values.Sum(p => p.Count)} phrases, " +
            $"{notes.Sum(n => scanner.Scan(n).Count)} findings");
    }

    [Benchmark]
    public int Scanner()
    {
        var n = 0;
        foreach (var note in notes)
        {
            n += scanner.Scan(note).Count;
        }

        return n;
    }

    [Benchmark(Baseline = true)]
    public int OneRegex()
    {
        var n = 0;
        foreach (var note in notes)
        {
            n += baseline.Count(note);
        }

        return n;
    }

    private sealed class Throughput : ManualConfig
    {
        public Throughput() => AddColumn(new MegabytesPerSecond());
    }

    private sealed class MegabytesPerSecond : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "UTF-8 megabytes of notes read per second (mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            var language = (string)benchmarkCase.Parameters["Language"];
            // The benchmark runs in its own process; the size is recomputed here the same way.
            var bytes = Bytes.TryGetValue(language, out var b) ? b : SizeOf(language);
            var rate = stats is null ? double.NaN : bytes / 1e6 / (stats.Mean / 1e9);
            return stats is null ? "-" : rate.ToString(rate < 1 ? "0.000" : "0.0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        private static long SizeOf(string language)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "content", "scanner");
            var lexicon = ScannerLexicon.Load(Path.Combine(folder, $"lexicon.{language}.json"));
            var cues = ScannerCues.Load(Path.Combine(folder, $"cues.{language}.json"));
            Bytes[language] = GeneratedNotes.Generate(lexicon, cues, CharsPerLanguage).Sum(n => (long)Encoding.UTF8.GetByteCount(n));
            return Bytes[language];
        }
    }
}

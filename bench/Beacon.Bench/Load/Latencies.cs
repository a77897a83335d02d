using System.Collections.Concurrent;
using System.Globalization;

namespace Beacon.Bench.Load;

/// <summary>Response times per kind of request (successes only) and the count of failures, safe across workers.</summary>
public sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _times = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public void Add(string kind, double ms) => _times.GetOrAdd(kind, _ => []).Add(ms);

    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public void Fail(string kind) => _failures.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>Why a request failed (the status and where it redirected, or the exception), counted per reason.</summary>
    public void Reason(string kind, string reason) => _reasons.AddOrUpdate($"{kind}: {reason}", 1, (_, n) => n + 1);

    public IEnumerable<string> Reasons => _reasons.OrderByDescending(r => r.Value).Take(12).Select(r => $"  {r.Value,6} x {r.Key}");

    public int Count(string kind) => _times.TryGetValue(kind, out var bag) ? bag.Count : 0;

    public int Total => _times.Values.Sum(b => b.Count);

    public int Failures => _failures.Values.Sum();

    /// <summary>One line per kind: count, rate over the run, median, 99th percentile and worst, and failures.</summary>
    public IEnumerable<string> Lines(double seconds)
    {
        foreach (var kind in _times.Keys.Union(_failures.Keys).Order(StringComparer.Ordinal))
        {
            var ms = _times.TryGetValue(kind, out var bag) ? bag.Order().ToList() : [];
            var failed = _failures.GetValueOrDefault(kind);
            yield return ms.Count == 0
                ? $"{kind,-14} {0,7} ok  {failed,5} failed"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{kind,-14} {ms.Count,7} ok  {failed,5} failed  {ms.Count / seconds,8:F1}/s   p50 {At(ms, 0.50),7:F1} ms   p99 {At(ms, 0.99),7:F1} ms   max {ms[^1],7:F1} ms");
        }
    }

    public static double At(List<double> sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * q) - 1)];
}

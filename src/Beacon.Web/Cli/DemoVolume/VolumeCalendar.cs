using Beacon.Core.Analytics;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>
/// The 25 months the volume covers (the last 24 closed months in California and the current one, up to now), and
/// how many records each takes: a gentle upward trend (+2 % a month) with a school-year seasonality (fewer screens in
/// summer and at the winter break, more in the autumn and spring), the current month in proportion to its days gone.
/// </summary>
public sealed class VolumeCalendar
{
    public const int ClosedMonths = 24;

    /// <summary>Seasonal factor by month of year (January first): schools, the main referrers, are closed in summer.</summary>
    private static readonly double[] Season = [0.00, 0.04, 0.10, 0.12, 0.08, -0.10, -0.18, -0.08, 0.10, 0.12, 0.02, -0.14];

    public VolumeCalendar(DateTime nowUtc)
    {
        NowUtc = nowUtc;
        var current = FigureMonth.Of(nowUtc);
        var months = new List<int> { current };
        for (var i = 0; i < ClosedMonths; i++)
        {
            months.Insert(0, Previous(months[0]));
        }

        Months = [.. months];
        Weights = Months.Select((m, i) =>
        {
            var (start, end) = (FigureMonth.StartUtc(m), FigureMonth.EndUtc(m));
            var elapsed = Math.Clamp((nowUtc - start) / (end - start), 0, 1);
            return (1 + 0.02 * i) * (1 + Season[FigureMonth.MonthOfYear(m) - 1]) * elapsed;
        }).ToArray();
    }

    public DateTime NowUtc { get; }

    /// <summary>The first instant of the first month covered.</summary>
    public DateTime StartUtc => FigureMonth.StartUtc(Months[0]);
    public int[] Months { get; }
    public double[] Weights { get; }

    /// <summary>Splits <paramref name="total"/> over the months by weight (largest remainder, so the parts sum to the total).</summary>
    public int[] Split(int total)
    {
        var sum = Weights.Sum();
        var exact = Weights.Select(w => w / sum * total).ToArray();
        var parts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).Take(total - parts.Sum()))
        {
            parts[i]++;
        }

        return parts;
    }

    /// <summary>A random instant of month <paramref name="index"/>, before now.</summary>
    public DateTime Within(Random random, int index)
    {
        var start = FigureMonth.StartUtc(Months[index]);
        var end = Min(FigureMonth.EndUtc(Months[index]), NowUtc);
        return start.AddTicks((long)(random.NextDouble() * (end - start).Ticks));
    }

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static int Previous(int month) =>
        FigureMonth.MonthOfYear(month) == 1 ? (FigureMonth.Year(month) - 1) * 100 + 12 : month - 1;
}

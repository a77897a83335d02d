using System.Diagnostics;
using Beacon.Core.Analytics;
using Xunit.Abstractions;

namespace Beacon.Core.Tests.Analytics;

/// <summary>
/// How long a dashboard-sized cube takes to suppress, printed (not asserted: the machine's load would make
/// a timed assertion flaky). Run with <c>--logger "console;verbosity=detailed"</c> to see the line.
/// </summary>
public sealed class SuppressionTimingTests(ITestOutputHelper output)
{
    [Fact]
    public void Suppress_CubeOfAbout8000Cells_EndsProtectedAndPrintsItsTime()
    {
        // 4 counties × 4 agencies (+ counties + group = 21) × 12 months, 4 quarters, a year (17) × four linked
        // families (concern 4, age band 5, gender 3, source 9) and their shared total (22): 7,854 cells.
        var random = new Random(8);
        int[] attributes = [16, 12, 4, 5, 3, 9];
        var weights = new long[attributes.Aggregate(1, (a, b) => a * b)];
        for (var i = 0; i < weights.Length; i++)
        {
            var roll = random.NextDouble();
            weights[i] = roll < 0.8 ? 0 : roll < 0.95 ? 1 : random.Next(2, 5);
        }

        var cube = Cube.Build(
            attributes,
            [Dimension.Hierarchy([4, 4, 4, 4], 0), Dimension.Year(1), Dimension.Linked((4, 2), (5, 3), (3, 4), (9, 5))],
            weights);
        var clock = Stopwatch.StartNew();
        var result = SmallCellSuppression.Suppress(cube.Counts, cube.Relations);
        clock.Stop();
        output.WriteLine(
            $"{cube.Counts.Length} cells, {cube.Relations.Length} relations: {clock.ElapsedMilliseconds} ms, " +
            $"{result.ShownCount} shown, {result.SmallCount} <11, {result.HiddenCount} hidden, " +
            $"{result.AuditRounds} audit rounds, {result.Unprotectable.Count} unprotectable");
        Assert.Equal(7854, cube.Counts.Length);
        Assert.All(Enumerable.Range(0, cube.Counts.Length).Where(i => cube.Counts[i] is > 0 and < 11),
            i => Assert.Equal(Disclosure.Small, result.Cells[i]));
    }
}

using Beacon.Core.Analytics;

namespace Beacon.Core.Tests.Analytics;

/// <summary>What a reader can work out of a withheld cell, as the release policy reads it before publishing.</summary>
public class SuppressionRangesTests
{
    [Fact]
    public void Ranges_SmallCellsNarrowedByTheirLabels_AreNarrowedButNeverPinned()
    {
        // 8 5 | 13 / 7 4 | 11 / 15 9 | 24: the labels alone narrow the 5 (row 1 is hidden, so >= 11, and 8 <= 10:
        // the 5 is at least 1; column 2 is "<11" and the 4 is at least 1: the 5 is at most 9).
        long[] counts = [8, 5, 13, 7, 4, 11, 15, 9, 24];
        LinearRelation[] relations =
        [
            new(2, [0, 1]), new(5, [3, 4]), new(6, [0, 3]), new(7, [1, 4]), new(8, [2, 5]), new(8, [6, 7]),
        ];
        var result = SmallCellSuppression.Suppress(counts, relations);

        var ranges = SmallCellSuppression.Ranges(counts, relations, result.Cells, [.. Enumerable.Range(0, counts.Length).Where(i => result.Cells[i] != Disclosure.Shown)]);

        Assert.All(ranges, r => Assert.True(r.Value.Least <= counts[r.Key] && counts[r.Key] <= r.Value.Greatest, $"cell {r.Key}: {r.Value}"));
        Assert.All(ranges.Where(r => result.Cells[r.Key] == Disclosure.Small), r => Assert.True(r.Value.Greatest > r.Value.Least));
        Assert.Equal((1, 9), ranges[1]);
    }

    [Fact]
    public void Ranges_ACellLeftAloneInARelation_IsPinned()
    {
        // 5 + 20 = 25 with only the 5 withheld: the reader subtracts.
        long[] counts = [5, 20, 25];
        LinearRelation[] relations = [new(2, [0, 1])];
        Disclosure[] cells = [Disclosure.Small, Disclosure.Shown, Disclosure.Shown];

        var ranges = SmallCellSuppression.Ranges(counts, relations, cells, [0]);

        Assert.Equal((5, 5), ranges[0]);
    }
}

using Beacon.Core.Analytics;
using CsCheck;

namespace Beacon.Core.Tests.Analytics;

/// <summary>
/// The differencing pairs of ADR-011: two releases of one cube (a month added), and a county group's
/// figures next to one county's, attacked together by <see cref="IntegerAttacker"/>.
/// </summary>
public sealed class SuppressionDifferencingTests
{
    /// <summary>Months 0..2 with P = months 0–1 (the quarter so far, as release 1 showed it) and Q = all three.</summary>
    private static readonly Dimension SecondRelease = new(
        [new(1, [0]), new(1, [1]), new(1, [2]), new(1, [0, 1]), new(1, [0, 1, 2])], [(3, [0, 1]), (4, [0, 1, 2])]);

    private static readonly Dimension FirstRelease = new([new(1, [0]), new(1, [1]), new(1, [0, 1])], [(2, [0, 1])]);

    private static readonly int[] FirstToSecondMonth = [0, 1, 3];

    private static readonly Gen<(Cube First, Cube Second)> Releases =
        from rows in Gen.Int[2, 3]
        from categories in Gen.Int[2, 3]
        from weights in Cube.Weight(8).Array[rows * 3 * categories]
        let attributes = new[] { rows, 3, categories }
        select (Cube.Build(attributes, [Dimension.Flat(rows, 0), FirstRelease, Dimension.Flat(categories, 2)], weights),
                Cube.Build(attributes, [Dimension.Flat(rows, 0), SecondRelease, Dimension.Flat(categories, 2)], weights));

    private const int Iterations = 150;

    /// <summary>
    /// Samples whose withheld cells are too many for the exact search (its node limit) are not judged; they must stay
    /// rare, or the property would pass on what it never attacked.
    /// </summary>
    private int _gaveUp;

    private List<Leak>? Attack(Func<List<Leak>> leaks)
    {
        try
        {
            return leaks();
        }
        catch (AttackerGaveUpException)
        {
            Interlocked.Increment(ref _gaveUp);
            return null;
        }
    }

    private void AssertMostWereAttacked(int iterations) =>
        Assert.True(_gaveUp * 5 < iterations, $"the attacker gave up on {_gaveUp} of {iterations} samples");

    [Fact]
    public void Suppress_SecondReleaseWithTheFirstPublished_LeaksNothingUnreportedFromBothTogether()
    {
        Releases.Sample(pair =>
        {
            var (first, second) = pair;
            var firstResult = SmallCellSuppression.Suppress(first.Counts, first.Relations);
            var map = Enumerable.Range(0, first.Counts.Length).Select(i =>
            {
                var at = first.Coordinates(i);
                at[1] = FirstToSecondMonth[at[1]];
                return second.Index(at);
            }).ToArray();
            var published = new bool[second.Counts.Length];
            for (var i = 0; i < map.Length; i++)
            {
                Assert.Equal(first.Counts[i], second.Counts[map[i]]);
                published[map[i]] = firstResult.Cells[i] == Disclosure.Shown;
            }

            var secondResult = SmallCellSuppression.Suppress(second.Counts, second.Relations, published);
            Assert.All(Enumerable.Range(0, published.Length).Where(i => published[i]),
                i => Assert.Equal(Disclosure.Shown, secondResult.Cells[i]));

            var attacker = new IntegerAttacker(second.Counts.Length, second.Relations, (second.Counts.Max() * 2) + 20);
            var firstLabels = new Disclosure[second.Counts.Length];
            foreach (var (i, cell) in map.Select((cell, i) => (i, cell)))
            {
                firstLabels[cell] = firstResult.Cells[i];
            }

            attacker.Know(second.Counts, firstLabels, map);
            attacker.Know(second.Counts, secondResult.Cells, Enumerable.Range(0, second.Counts.Length));
            if (Attack(() => attacker.Leaks(second.Counts, secondResult.Cells, Enumerable.Range(0, second.Counts.Length))) is { } leaks)
            {
                SmallCellSuppressionPropertyTests.AssertOnlyReportedLeaks(second, secondResult, leaks, published);
            }
        }, iter: Iterations);
        AssertMostWereAttacked(Iterations);
    }

    private static readonly Gen<Cube> Groups =
        from agencies in Gen.Int[1, 3].Array[2, 3]
        from categories in Gen.Int[2, 3]
        from weights in Cube.Weight(5).Array[agencies.Sum() * 3 * categories]
        select Cube.Build(
            [agencies.Sum(), 3, categories],
            [Dimension.Hierarchy(agencies, 0), Dimension.Flat(3, 1), Dimension.Flat(categories, 2)], weights);

    [Fact]
    public void Suppress_CountySliceNextToItsGroup_LeaksNothingUnreportedFromBothTogether()
    {
        Groups.Sample(cube =>
        {
            // One cube, suppressed once; the group's dashboard reads its group-level and county-level rows,
            // the first county's dashboard reads that county and its agencies; the rest stay unknown.
            var result = SmallCellSuppression.Suppress(cube.Counts, cube.Relations);
            var org = cube.Dimensions[0];
            var group = org.Sums[^1];
            var firstCounty = group.Children[0];
            var countyAgencies = org.Sums.First(s => s.Parent == firstCounty).Children;
            var groupView = new HashSet<int>(group.Children.Append(group.Parent));
            var countyView = new HashSet<int>(countyAgencies.Append(firstCounty));
            var cells = Enumerable.Range(0, cube.Counts.Length);
            var attacker = new IntegerAttacker(cube.Counts.Length, cube.Relations, (cube.Counts.Max() * 2) + 20);
            attacker.Know(cube.Counts, result.Cells, cells.Where(i => groupView.Contains(cube.Coordinates(i)[0])));
            attacker.Know(cube.Counts, result.Cells, cells.Where(i => countyView.Contains(cube.Coordinates(i)[0])));
            if (Attack(() => attacker.Leaks(cube.Counts, result.Cells, cells)) is { } leaks)
            {
                SmallCellSuppressionPropertyTests.AssertOnlyReportedLeaks(cube, result, leaks);
            }
        }, iter: 30);
        AssertMostWereAttacked(30);
    }
}

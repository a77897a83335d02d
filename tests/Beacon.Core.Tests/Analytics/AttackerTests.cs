using Beacon.Core.Analytics;

namespace Beacon.Core.Tests.Analytics;

/// <summary>
/// The independent attacker must find what a bad suppression leaks, or the property tests that rely on
/// it finding nothing would pass vacuously.
/// </summary>
public sealed class AttackerTests
{
    // A 2×2 table with margins: a b | A; c d | B; x y | G (row-major, 3×3).
    private static readonly long[] Table = [5, 20, 25, 30, 40, 70, 35, 60, 95];
    private static readonly Cube Square = Cube.Build([2, 2], [Dimension.Flat(2, 0), Dimension.Flat(2, 1)], [5, 20, 30, 40]);

    private static List<string> Attack(Cube cube, Disclosure[] labels)
    {
        var attacker = new IntegerAttacker(cube.Counts.Length, cube.Relations, cube.Counts.Max() * 2 + 20);
        attacker.Know(cube.Counts, labels, Enumerable.Range(0, labels.Length));
        return [.. attacker.Leaks(cube.Counts, labels, Enumerable.Range(0, labels.Length)).Select(l => l.ToString())];
    }

    [Fact]
    public void Attack_OneSmallCellAloneInItsRow_FindsTheValue()
    {
        Assert.Equal(Table, Square.Counts);
        var labels = new Disclosure[9];
        labels[0] = Disclosure.Small;
        Assert.Contains("cell 0 (Small, true 5)", Attack(Square, labels));
    }

    [Fact]
    public void Attack_ComplementInTheRowButNotTheColumn_FindsTheValue()
    {
        var labels = new Disclosure[9];
        labels[0] = Disclosure.Small;
        labels[1] = Disclosure.Hidden; // the row is covered, the column (5 + 30 = 35) is not
        var leaks = Attack(Square, labels);
        Assert.Contains("cell 0 (Small, true 5)", leaks);
        Assert.Contains("cell 1 (Hidden, true 20)", leaks);
    }

    [Fact]
    public void Attack_TwoSmallCellsUnderAShownTotalOf12_NarrowsBelowOneToTen()
    {
        // 5 + 7 = 12 shown: each is at least 2, so "<11" no longer covers 1..10.
        var cube = Cube.Build([2], [Dimension.Flat(2, 0)], [5, 7]);
        Assert.Equal(["cell 0 (Small, true 5)", "cell 1 (Small, true 7)"],
            Attack(cube, [Disclosure.Small, Disclosure.Small, Disclosure.Shown]));
    }

    [Fact]
    public void Attack_TheRectangleOfFourCells_FindsNothing()
    {
        Assert.Empty(Attack(Square, [Disclosure.Small, Disclosure.Hidden, 0, Disclosure.Hidden, Disclosure.Hidden, 0, 0, 0, 0]));
    }

    [Fact]
    public void Attack_TwoReleasesEachProtectedAlone_FindsTheMonthByDifference()
    {
        // Months Jan 15, Feb 25, Mar 4; P = Jan + Feb (the quarter so far, release 1), Q = the whole quarter
        // (release 2). Each release alone hides enough; together Q − P is March.
        var months = new Dimension(
            [new(0, [0]), new(0, [1]), new(0, [2]), new(0, [0, 1]), new(0, [0, 1, 2])], [(3, [0, 1]), (4, [0, 1, 2])]);
        var cube = Cube.Build([3], [months], [15, 25, 4]);
        Assert.Equal([15L, 25, 4, 40, 44], cube.Counts);
        Disclosure[] first = [Disclosure.Hidden, Disclosure.Hidden, 0, Disclosure.Shown, 0];
        Disclosure[] second = [Disclosure.Hidden, Disclosure.Hidden, Disclosure.Small, 0, Disclosure.Shown];
        var label = new[] { Disclosure.Hidden, Disclosure.Hidden, Disclosure.Small, Disclosure.Shown, Disclosure.Shown };

        var alone = new IntegerAttacker(5, cube.Relations, 100);
        alone.Know(cube.Counts, second, [0, 1, 2, 4]);
        Assert.Empty(alone.Leaks(cube.Counts, label, [0, 1, 2]));

        var both = new IntegerAttacker(5, cube.Relations, 100);
        both.Know(cube.Counts, first, [0, 1, 3]);
        both.Know(cube.Counts, second, [0, 1, 2, 4]);
        Assert.Contains("cell 2 (Small, true 4)", both.Leaks(cube.Counts, label, [0, 1, 2]).Select(l => l.ToString()));
    }
}

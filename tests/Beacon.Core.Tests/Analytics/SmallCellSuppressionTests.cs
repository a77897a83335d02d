using Beacon.Core.Analytics;

namespace Beacon.Core.Tests.Analytics;

/// <summary>Worked examples of the suppression rules (ADR-011); the properties are in the property tests.</summary>
public sealed class SmallCellSuppressionTests
{
    private const Disclosure S = Disclosure.Shown, M = Disclosure.Small, H = Disclosure.Hidden;

    // a=5 b=20 | 25; c=30 d=40 | 70; 35 60 | 95 (row-major 3×3, margins last).
    private static readonly Cube Square = Cube.Build([2, 2], [Dimension.Flat(2, 0), Dimension.Flat(2, 1)], [5, 20, 30, 40]);

    [Fact]
    public void Suppress_TwoByTwoWithOneSmallCell_HidesTheRectangleAndShowsTheMargins()
    {
        var result = SmallCellSuppression.Suppress(Square.Counts, Square.Relations);
        Assert.Equal([M, H, S, H, H, S, S, S, S], result.Cells);
        Assert.Empty(result.Unprotectable);
        Assert.Equal((5, 1, 3), (result.ShownCount, result.SmallCount, result.HiddenCount));
    }

    [Fact]
    public void Suppress_ZerosBesideOnlySmallCounts_AreSmallToo()
    {
        // Total 15 = 8 + 7 + 0: a shown zero would say no child of the group is in the third level.
        var cube = Cube.Build([3], [Dimension.Flat(3, 0)], [8, 7, 0]);
        Assert.Equal([M, M, M, S], SmallCellSuppression.Suppress(cube.Counts, cube.Relations).Cells);
    }

    [Fact]
    public void Suppress_ZeroBesideALargeCount_StaysShownAndTheLargeCountIsHidden()
    {
        var cube = Cube.Build([3], [Dimension.Flat(3, 0)], [20, 5, 0]);
        Assert.Equal([H, M, S, S], SmallCellSuppression.Suppress(cube.Counts, cube.Relations).Cells);
    }

    [Fact]
    public void Suppress_SmallZeroPinnedByAZeroTotal_FallsBackToShowingTheZerosAsSmall()
    {
        // 5 = 5 + z (z is a zero made Small by the zero rule) and 0 = z + w: no cell of 11 or more exists,
        // so the zeros w and then the zero total become "<11" until z can reach 10.
        long[] counts = [5, 5, 0, 0, 0];
        LinearRelation[] relations = [new(0, [1, 2]), new(3, [2, 4])];
        var result = SmallCellSuppression.Suppress(counts, relations);
        Assert.Equal([M, M, M, M, M], result.Cells);
        Assert.True(result.AuditRounds >= 2);
    }

    [Fact]
    public void Suppress_TwoSmallCellsUnderAShownTotalOf12_HidesTheTotal()
    {
        // 5 + 7 = 12 would tell the reader each is at least 2: the audit hides the total.
        var cube = Cube.Build([2], [Dimension.Flat(2, 0)], [5, 7]);
        Assert.Equal([M, M, H], SmallCellSuppression.Suppress(cube.Counts, cube.Relations).Cells);
    }

    [Fact]
    public void Suppress_PublishedCell_StaysShownAndIsNeverChosen()
    {
        bool[] published = [false, true, false, false, false, false, false, false, false]; // b = 20
        var result = SmallCellSuppression.Suppress(Square.Counts, Square.Relations, published);
        Assert.Equal(S, result.Cells[1]);
        Assert.Equal(H, result.Cells[2]); // the row total 25 is hidden instead
        var attacker = new IntegerAttacker(9, Square.Relations, 300);
        attacker.Know(Square.Counts, result.Cells, Enumerable.Range(0, 9));
        Assert.Empty(attacker.Leaks(Square.Counts, result.Cells, Enumerable.Range(0, 9)));
    }

    [Fact]
    public void Suppress_SmallCellPinnedByPublishedCells_IsReportedUnprotectable()
    {
        // 25 = 20 + 5 with 25 and 20 already out: nothing left can hide the 5.
        var result = SmallCellSuppression.Suppress([25, 20, 5], [new(0, [1, 2])], [true, true, false]);
        Assert.Equal([S, S, M], result.Cells);
        Assert.Equal([2], result.Unprotectable);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(1000)]
    public void Suppress_CountOf11OrMore_IsNeverSmall(long count)
    {
        var result = SmallCellSuppression.Suppress([count + 3, count, 3], [new(0, [1, 2])]);
        Assert.Equal(M, result.Cells[2]);
        Assert.Equal(H, result.Cells[1]); // the smallest complement, a part before the total
        Assert.NotEqual(M, result.Cells[0]);
    }

    [Fact]
    public void Suppress_EveryCountFrom1To10_IsNeverShown()
    {
        var counts = Enumerable.Range(1, 10).Select(i => (long)i).Prepend(55).ToArray();
        var result = SmallCellSuppression.Suppress(counts, [new(0, [.. Enumerable.Range(1, 10)])]);
        Assert.All(Enumerable.Range(1, 10), i => Assert.Equal(M, result.Cells[i]));
    }

    public static TheoryData<long[], LinearRelation[], bool[]?, string> Invalid() => new()
    {
        { [5, -1, 6], [new(0, [1, 2])], null, "negative" },
        { [5, 1, 3], [new(0, [1, 2])], null, "does not hold" },
        { [5, 2, 3], [new(0, [1, 3])], null, "outside" },
        { [5, 2, 3], [new(0, [1, 1])], null, "twice" },
        { [5, 2, 3], [new(0, [])], null, "no parts" },
        { [25, 20, 5], [new(0, [1, 2])], [false, false, true], "1 to 10" },
        { [25, 20, 5], [new(0, [1, 2])], [false, false], "published flags" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Suppress_InvalidInput_IsRefusedSayingWhy(long[] counts, LinearRelation[] relations, bool[]? published, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => SmallCellSuppression.Suppress(counts, relations, published));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}

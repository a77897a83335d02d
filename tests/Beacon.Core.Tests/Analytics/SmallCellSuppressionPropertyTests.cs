using Beacon.Core.Analytics;
using CsCheck;

namespace Beacon.Core.Tests.Analytics;

/// <summary>
/// Random cubes, suppressed, then attacked by <see cref="IntegerAttacker"/> (exact integer search, no code
/// shared with the suppression's LP audit): no withheld cell may be narrowed below its protection interval.
/// </summary>
public sealed class SmallCellSuppressionPropertyTests
{
    private static Gen<long[]> Weights(int count, int spread) => Cube.Weight(spread).Array[count];

    private static readonly Gen<Cube> Tables2D =
        from rows in Gen.Int[2, 5]
        from columns in Gen.Int[2, 5]
        from weights in Weights(rows * columns, 15)
        select Cube.Build([rows, columns], [Dimension.Flat(rows, 0), Dimension.Flat(columns, 1)], weights);

    private static readonly Gen<Cube> Tables3D =
        from a in Gen.Int[2, 3]
        from b in Gen.Int[2, 3]
        from c in Gen.Int[2, 3]
        from weights in Weights(a * b * c, 8)
        select Cube.Build([a, b, c], [Dimension.Flat(a, 0), Dimension.Flat(b, 1), Dimension.Flat(c, 2)], weights);

    /// <summary>Group → 2–3 counties → 1–3 agencies each, × 3 months → quarter, × 2–3 categories → total.</summary>
    private static Gen<Cube> Hierarchies(int months) =>
        from agencies in Gen.Int[1, 3].Array[2, 3]
        from categories in Gen.Int[2, 3]
        from weights in Weights(agencies.Sum() * months * categories, 5)
        select Cube.Build(
            [agencies.Sum(), months, categories],
            [Dimension.Hierarchy(agencies, 0), Dimension.Flat(months, 1), Dimension.Flat(categories, 2)], weights);

    /// <summary>Rows × two category families sharing the same total (concern levels and age bands).</summary>
    private static readonly Gen<Cube> LinkedTables =
        from rows in Gen.Int[2, 3]
        from ka in Gen.Int[2, 3]
        from kb in Gen.Int[2, 3]
        from weights in Weights(rows * ka * kb, 6)
        select Cube.Build([rows, ka, kb], [Dimension.Flat(rows, 0), Dimension.Linked((ka, 1), (kb, 2))], weights);

    private static void AssertProtected(Cube cube)
    {
        var result = SmallCellSuppression.Suppress(cube.Counts, cube.Relations);
        AssertRules(cube.Counts, result);
        var attacker = AttackerFor(cube);
        attacker.Know(cube.Counts, result.Cells, Enumerable.Range(0, cube.Counts.Length));
        AssertOnlyReportedLeaks(cube, result, attacker.Leaks(cube.Counts, result.Cells, Enumerable.Range(0, cube.Counts.Length)));
    }

    /// <summary>
    /// Every leak the attacker finds must be a cell the suppression reported as unprotectable, and such a
    /// report is only allowed once nothing is left to withhold: every cell of the relations reachable from
    /// it through withheld cells is withheld or published. (Then the labels themselves — "&lt;11" and
    /// "hidden, at least 11" — or published figures bound it, and no choice of cells could do better.)
    /// </summary>
    internal static void AssertOnlyReportedLeaks(Cube cube, SuppressionResult result, List<Leak> leaks, bool[]? published = null)
    {
        Assert.All(leaks, l => Assert.True(result.Unprotectable.Contains(l.Cell), $"the attacker narrows {l}, which the suppression did not report"));
        foreach (var cell in result.Unprotectable)
        {
            var seen = new HashSet<int> { cell };
            var queue = new Queue<int>([cell]);
            while (queue.TryDequeue(out var c))
            {
                foreach (var relation in cube.Relations.Where(r => r.Total == c || r.Parts.Contains(c)))
                {
                    foreach (var other in relation.Parts.Append(relation.Total).Where(seen.Add))
                    {
                        var isPublished = published?[other] ?? false;
                        Assert.True(result.Cells[other] != Disclosure.Shown || isPublished,
                            $"cell {cell} is reported unprotectable but cell {other} ({cube.Counts[other]}) in its reach is still shown");
                        if (!isPublished)
                        {
                            queue.Enqueue(other);
                        }
                    }
                }
            }
        }
    }

    private static IntegerAttacker AttackerFor(Cube cube) =>
        new(cube.Counts.Length, cube.Relations, (cube.Counts.Max() * 2) + 20);

    private static void AssertRules(long[] counts, SuppressionResult result)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] is > 0 and < 11)
            {
                Assert.Equal(Disclosure.Small, result.Cells[i]);
            }

            Assert.True(counts[i] <= 10 || result.Cells[i] != Disclosure.Small, $"cell {i} holds {counts[i]} but is Small");
            Assert.True(counts[i] >= 11 || result.Cells[i] != Disclosure.Hidden, $"cell {i} holds {counts[i]} but is Hidden");
        }
    }

    [Fact]
    public void Suppress_TwoDimensionalTablesWithMargins_LeakNothingUnreportedToAnIntegerAttacker() =>
        Tables2D.Sample(cube => AssertProtected(cube), iter: 300);

    [Fact]
    public void Suppress_ThreeDimensionalTablesWithAllMargins_LeakNothingUnreportedToAnIntegerAttacker() =>
        Tables3D.Sample(cube => AssertProtected(cube), iter: 150);

    [Fact]
    public void Suppress_CountyHierarchiesByMonthAndCategory_LeakNothingUnreportedToAnIntegerAttacker() =>
        Hierarchies(3).Sample(cube => AssertProtected(cube), iter: 30);

    [Fact]
    public void Suppress_LinkedCategoryFamilies_LeakNothingUnreportedToAnIntegerAttacker() =>
        LinkedTables.Sample(cube => AssertProtected(cube), iter: 150);
}

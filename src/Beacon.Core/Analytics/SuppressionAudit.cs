namespace Beacon.Core.Analytics;

/// <summary>
/// The attacker of ADR-011, run inside the suppression: for each withheld cell, how far it can move given
/// every shown figure, every relation, a "&lt;11" cell in [0, 10] and a hidden cell in [11, ∞) (the
/// attacker is assumed to know that complements are chosen among cells of 11 or more), by linear
/// programming rounded inward. Returns the withheld cells whose protection interval fails.
/// </summary>
/// <remarks>
/// Shown cells are constants, so a relation with no withheld cell drops out and each connected group of
/// withheld cells is its own small program. The protection interval: a "&lt;11" cell holding 1..10 must
/// still range over all of 1..10 (least ≤ 1, greatest ≥ 10); a "&lt;11" zero must reach 10; a hidden cell
/// must not be pinned (it can move at least one either way). Rounding inward (ceiling of the least, floor
/// of the greatest) matters: a cube of three or more dimensions has fractional vertices, and an LP range of
/// [4.5, 5.5] still pins a count to 5.
/// </remarks>
internal static class SuppressionAudit
{
    private const double Tolerance = 1e-6;

    /// <param name="passed">
    /// Cells that passed an earlier round; skipped, and the cells that pass now are added. Withholding more
    /// only relaxes what the attacker knows (a fixed value becomes a range holding it), so a cell that passed
    /// keeps passing.
    /// </param>
    public static List<int> FailingCells(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, Disclosure[] cells, HashSet<int> passed)
    {
        var failing = new List<int>();
        foreach (var component in Components(relations, cells))
        {
            if (component.Cells.All(passed.Contains))
            {
                continue;
            }

            failing.AddRange(Audit(counts, relations, cells, component, passed));
        }

        failing.Sort();
        return failing;
    }

    /// <summary>
    /// The least and greatest value the attacker can give each of <paramref name="of"/> (withheld cells), by the same
    /// linear program as the audit, rounded inward; <see cref="long.MaxValue"/> when unbounded above.
    /// </summary>
    public static Dictionary<int, (long Least, long Greatest)> Bounds(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, Disclosure[] cells, IReadOnlyCollection<int> of)
    {
        var bounds = new Dictionary<int, (long, long)>();
        foreach (var component in Components(relations, cells).Where(c => c.Cells.Any(of.Contains)))
        {
            var (simplex, column) = Program(counts, relations, cells, component);
            foreach (var cell in component.Cells.Where(of.Contains))
            {
                var least = simplex.Optimize(column[cell], maximize: false, double.NegativeInfinity);
                var greatest = simplex.Optimize(column[cell], maximize: true, double.PositiveInfinity);
                bounds[cell] = ((long)Math.Ceiling(least - Tolerance),
                    double.IsPositiveInfinity(greatest) ? long.MaxValue : (long)Math.Floor(greatest + Tolerance));
            }
        }

        return bounds;
    }

    private static IEnumerable<int> Audit(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, Disclosure[] cells,
        (List<int> Cells, List<int> Relations) component, HashSet<int> passed)
    {
        var (simplex, column) = Program(counts, relations, cells, component);
        foreach (var (cell, j) in column)
        {
            if (passed.Contains(cell))
            {
                continue;
            }

            if (Protected(simplex, j, counts[cell], cells[cell]))
            {
                passed.Add(cell);
            }
            else
            {
                yield return cell;
            }
        }
    }

    /// <summary>
    /// The attacker's program over one component's withheld cells: each relation as an equation (shown cells are
    /// constants, already in the true counts the start point satisfies), a "&lt;11" cell in [0, 10], a hidden one ≥ 11.
    /// </summary>
    private static (BoundedSimplex Simplex, Dictionary<int, int> Column) Program(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, Disclosure[] cells, (List<int> Cells, List<int> Relations) component)
    {
        var column = new Dictionary<int, int>();
        foreach (var cell in component.Cells)
        {
            column[cell] = column.Count;
        }

        var n = component.Cells.Count;
        var rows = new List<double[]>();
        foreach (var r in component.Relations)
        {
            // total − Σ parts = 0, over the withheld cells only; the shown ones are already constants in
            // the right-hand side, which the true counts (the start point) satisfy.
            var row = new double[n];
            var relation = relations[r];
            if (column.TryGetValue(relation.Total, out var t))
            {
                row[t] += 1;
            }

            foreach (var part in relation.Parts)
            {
                if (column.TryGetValue(part, out var p))
                {
                    row[p] -= 1;
                }
            }

            rows.Add(row);
        }

        var lower = new double[n];
        var upper = new double[n];
        var start = new double[n];
        foreach (var (cell, j) in column)
        {
            var small = cells[cell] == Disclosure.Small;
            lower[j] = small ? 0 : SmallCellSuppression.SmallestShown;
            upper[j] = small ? SmallCellSuppression.SmallestShown - 1 : double.PositiveInfinity;
            start[j] = counts[cell];
        }

        return (new BoundedSimplex(rows, lower, upper, start), column);
    }

    private static bool Protected(BoundedSimplex simplex, int j, long value, Disclosure disclosure)
    {
        const double smallTop = SmallCellSuppression.SmallestShown - 1;
        if (disclosure == Disclosure.Small)
        {
            // A small cell (a true zero included) must reach 10; one holding 1..10 must also reach 1.
            if (simplex.Optimize(j, maximize: true, smallTop) < smallTop - Tolerance)
            {
                return false;
            }

            return value == 0 || simplex.Optimize(j, maximize: false, 1) <= 1 + Tolerance;
        }

        // Hidden: not pinned, i.e. some point takes it one up or one down.
        return simplex.Optimize(j, maximize: true, value + 1) >= value + 1 - Tolerance
            || simplex.Optimize(j, maximize: false, value - 1) <= value - 1 + Tolerance;
    }

    /// <summary>The withheld cells grouped by the relations that link them, with those relations.</summary>
    private static List<(List<int> Cells, List<int> Relations)> Components(
        IReadOnlyList<LinearRelation> relations, Disclosure[] cells)
    {
        var parent = Enumerable.Range(0, cells.Length).ToArray();
        int Find(int a)
        {
            while (parent[a] != a)
            {
                parent[a] = parent[parent[a]];
                a = parent[a];
            }

            return a;
        }

        var withheldRelations = new List<int>();
        for (var r = 0; r < relations.Count; r++)
        {
            var first = -1;
            foreach (var cell in relations[r].Parts.Append(relations[r].Total))
            {
                if (cells[cell] == Disclosure.Shown)
                {
                    continue;
                }

                if (first < 0)
                {
                    first = cell;
                }
                else
                {
                    parent[Find(cell)] = Find(first);
                }
            }

            if (first >= 0)
            {
                withheldRelations.Add(r);
            }
        }

        var byRoot = new Dictionary<int, (List<int> Cells, List<int> Relations)>();
        for (var cell = 0; cell < cells.Length; cell++)
        {
            if (cells[cell] != Disclosure.Shown)
            {
                Group(Find(cell)).Cells.Add(cell);
            }
        }

        foreach (var r in withheldRelations)
        {
            var any = relations[r].Parts.Append(relations[r].Total).First(c => cells[c] != Disclosure.Shown);
            Group(Find(any)).Relations.Add(r);
        }

        return byRoot.Values.ToList();

        (List<int> Cells, List<int> Relations) Group(int root)
        {
            if (!byRoot.TryGetValue(root, out var group))
            {
                group = ([], []);
                byRoot[root] = group;
            }

            return group;
        }
    }
}

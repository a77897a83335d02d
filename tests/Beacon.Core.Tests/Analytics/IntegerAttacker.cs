using Beacon.Core.Analytics;

namespace Beacon.Core.Tests.Analytics;

/// <summary>
/// An attacker that shares no code with the suppression's audit: an exact integer search (bounds
/// propagation on the relations, then branching, complete) over what a reader knows. Integer search is
/// strictly stronger than any linear-programming bound, so a suppression that passes it cannot be undone
/// by rounding LP bounds either.
/// </summary>
/// <remarks>
/// What a reader knows of a cell is an interval: a shown value is [v, v]; "&lt;11" is [0, 10]; hidden is
/// [11, cap]; a cell the reader never sees is [0, cap]. The cap (a generous multiple of the largest count)
/// only shrinks what the attacker believes possible, so it can make the attacker see a leak that is not
/// there, never miss one. Knowledge from several views or releases is intersected.
/// </remarks>
internal sealed class IntegerAttacker
{
    private const int NodeLimit = 200_000;
    private readonly long[] lo;
    private readonly long[] hi;
    private readonly int[][] rowCells;
    private readonly int[][] rowSigns;
    private readonly List<int>[] rowsOf;

    public IntegerAttacker(int cellCount, IReadOnlyList<LinearRelation> relations, long cap)
    {
        lo = new long[cellCount];
        hi = Enumerable.Repeat(cap, cellCount).ToArray();
        rowCells = relations.Select(r => r.Parts.Prepend(r.Total).ToArray()).ToArray();
        rowSigns = relations.Select(r => r.Parts.Select(_ => -1).Prepend(1).ToArray()).ToArray();
        rowsOf = Enumerable.Range(0, cellCount).Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < rowCells.Length; r++)
        {
            foreach (var c in rowCells[r])
            {
                rowsOf[c].Add(r);
            }
        }
    }

    /// <summary>Adds what one view shows of the given cells (their labels, and the values of shown ones).</summary>
    public void Know(IReadOnlyList<long> counts, IReadOnlyList<Disclosure> labels, IEnumerable<int> cellsInView)
    {
        foreach (var c in cellsInView)
        {
            var (l, h) = labels[c] switch
            {
                Disclosure.Shown => (counts[c], counts[c]),
                Disclosure.Small => (0L, 10L),
                _ => (11L, hi[c]),
            };
            lo[c] = Math.Max(lo[c], l);
            hi[c] = Math.Min(hi[c], h);
        }
    }

    /// <summary>Whether some integer assignment consistent with everything known puts <paramref name="cell"/> in [from, to].</summary>
    /// <param name="hint">The true counts, used only to order the search (a witness found is checked, so this is sound).</param>
    public bool CanTake(int cell, long from, long to, IReadOnlyList<long> hint)
    {
        var l = (long[])lo.Clone();
        var h = (long[])hi.Clone();
        l[cell] = Math.Max(l[cell], from);
        h[cell] = Math.Min(h[cell], to);
        if (l[cell] > h[cell])
        {
            return false;
        }

        var rows = ComponentRows(cell);
        var nodes = 0;
        return Search(l, h, rows, hint, ref nodes);
    }

    /// <summary>The cells whose protection interval the attacker breaks.</summary>
    public List<Leak> Leaks(IReadOnlyList<long> counts, IReadOnlyList<Disclosure> labels, IEnumerable<int> cellsToCheck)
    {
        var leaks = new List<Leak>();
        foreach (var c in cellsToCheck)
        {
            var v = counts[c];
            var ok = labels[c] switch
            {
                Disclosure.Shown => true,
                Disclosure.Small => CanTake(c, 10, 10, counts) && (v == 0 || CanTake(c, 0, 1, counts)),
                _ => CanTake(c, v + 1, long.MaxValue, counts) || CanTake(c, 0, v - 1, counts),
            };
            if (!ok)
            {
                leaks.Add(new Leak(c, labels[c], v));
            }
        }

        return leaks;
    }

    private int[] ComponentRows(int cell)
    {
        var seenRows = new HashSet<int>();
        var seenCells = new HashSet<int> { cell };
        var queue = new Queue<int>([cell]);
        while (queue.TryDequeue(out var c))
        {
            foreach (var r in rowsOf[c].Where(seenRows.Add))
            {
                foreach (var other in rowCells[r].Where(o => lo[o] < hi[o] && seenCells.Add(o)))
                {
                    queue.Enqueue(other);
                }
            }
        }

        return [.. seenRows];
    }

    private bool Search(long[] l, long[] h, int[] rows, IReadOnlyList<long> hint, ref int nodes)
    {
        if (++nodes > NodeLimit)
        {
            throw new AttackerGaveUpException();
        }

        if (!Propagate(l, h, rows))
        {
            return false;
        }

        var pick = -1;
        foreach (var c in rows.SelectMany(r => rowCells[r]))
        {
            if (l[c] < h[c] && (pick < 0 || h[c] - l[c] < h[pick] - l[pick]))
            {
                pick = c;
            }
        }

        if (pick < 0)
        {
            return rows.All(r => RowSum(r, l) == 0); // every cell fixed: a witness, checked
        }

        foreach (var (from, to) in Branches(l[pick], h[pick], hint[pick]))
        {
            var l2 = (long[])l.Clone();
            var h2 = (long[])h.Clone();
            (l2[pick], h2[pick]) = (from, to);
            if (Search(l2, h2, rows, hint, ref nodes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Small domains are enumerated nearest the hint first; large ones are halved, hint's half first.</summary>
    private static IEnumerable<(long, long)> Branches(long l, long h, long hint)
    {
        var start = Math.Clamp(hint, l, h);
        if (h - l > 12)
        {
            var mid = l + ((h - l) / 2);
            return start <= mid ? [(l, mid), (mid + 1, h)] : [(mid + 1, h), (l, mid)];
        }

        var values = new List<(long, long)>();
        for (var d = 0L; start - d >= l || start + d <= h; d++)
        {
            if (start + d <= h)
            {
                values.Add((start + d, start + d));
            }

            if (d > 0 && start - d >= l)
            {
                values.Add((start - d, start - d));
            }
        }

        return values;
    }

    private long RowSum(int r, long[] values)
    {
        var sum = 0L;
        for (var k = 0; k < rowCells[r].Length; k++)
        {
            sum += rowSigns[r][k] * values[rowCells[r][k]];
        }

        return sum;
    }

    /// <summary>Bounds consistency on Σ sign·x = 0, to a fixpoint; false when a domain empties.</summary>
    private bool Propagate(long[] l, long[] h, int[] rows)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var r in rows)
            {
                var cells = rowCells[r];
                var signs = rowSigns[r];
                long min = 0, max = 0;
                for (var k = 0; k < cells.Length; k++)
                {
                    min += signs[k] > 0 ? l[cells[k]] : -h[cells[k]];
                    max += signs[k] > 0 ? h[cells[k]] : -l[cells[k]];
                }

                if (min > 0 || max < 0)
                {
                    return false;
                }

                for (var k = 0; k < cells.Length; k++)
                {
                    var c = cells[k];
                    var termMin = signs[k] > 0 ? l[c] : -h[c];
                    var termMax = signs[k] > 0 ? h[c] : -l[c];
                    // This term must lie in [−(max − termMax), −(min − termMin)]; min and max may be stale
                    // (looser) once an earlier term of the row moved, which keeps the bound sound.
                    var newMin = -(max - termMax);
                    var newMax = -(min - termMin);
                    var (nl, nh) = signs[k] > 0 ? (newMin, newMax) : (-newMax, -newMin);
                    if (nl > l[c])
                    {
                        l[c] = nl;
                        changed = true;
                    }

                    if (nh < h[c])
                    {
                        h[c] = nh;
                        changed = true;
                    }

                    if (l[c] > h[c])
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}

/// <summary>A withheld cell the attacker narrowed below its protection interval.</summary>
internal sealed record Leak(int Cell, Disclosure Label, long Value)
{
    public override string ToString() => $"cell {Cell} ({Label}, true {Value})";
}

/// <summary>The integer search hit its node limit: the cube is too large for an exact attack (the sample is not judged).</summary>
internal sealed class AttackerGaveUpException() : InvalidOperationException("The integer attacker gave up (node limit): the cube is too large for it.");

namespace Beacon.Core.Analytics;

/// <summary>
/// Chooses the cells that complementary suppression withholds (see the rules on
/// <see cref="SmallCellSuppression"/>) and marks them in the shared disclosure array.
/// </summary>
internal sealed class ComplementChooser(
    IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, bool[] published,
    List<int>[] relationsOf, Disclosure[] cells)
{
    /// <summary>
    /// Until no relation holds exactly one withheld cell, withholds one more cell in each that does.
    /// A relation whose only other cells are published cannot be helped here; the audit reports it.
    /// </summary>
    public void CompleteRelations(IEnumerable<int> start)
    {
        var queue = new Queue<int>(start);
        while (queue.TryDequeue(out var r))
        {
            if (WithheldIn(r) != 1)
            {
                continue;
            }

            var chosen = BestCandidate([r]);
            if (chosen < 0)
            {
                continue;
            }

            Withhold(chosen);
            foreach (var other in relationsOf[chosen])
            {
                queue.Enqueue(other);
            }
        }
    }

    /// <summary>
    /// Withholds one more cell to widen what the attacker knows of <paramref name="failing"/>: the best
    /// candidate in the relations that hold it, else in those one step further through withheld cells,
    /// and so on. Returns the cell withheld, or -1 if none is left in its reach.
    /// </summary>
    public int WithholdNear(int failing)
    {
        var seenCells = new HashSet<int> { failing };
        var seenRelations = new HashSet<int>();
        var frontier = new List<int> { failing };
        while (frontier.Count > 0)
        {
            var ring = frontier.SelectMany(c => relationsOf[c]).Where(seenRelations.Add).ToList();
            var chosen = BestCandidate(ring);
            if (chosen >= 0)
            {
                Withhold(chosen);
                return chosen;
            }

            frontier = ring.SelectMany(CellsOf).Where(c => cells[c] != Disclosure.Shown && seenCells.Add(c)).ToList();
        }

        return -1;
    }

    private void Withhold(int cell) =>
        cells[cell] = counts[cell] >= SmallCellSuppression.SmallestShown ? Disclosure.Hidden : Disclosure.Small;

    /// <summary>
    /// The smallest unpublished shown count of at least 11 in these relations, a part before a total when
    /// sizes tie (a total is usually read more than its parts); failing that, an unpublished shown zero
    /// (the fallback, shown as "&lt;11"); -1 if neither exists.
    /// </summary>
    private int BestCandidate(IReadOnlyList<int> relationIds)
    {
        var best = -1;
        (long Count, int IsTotal, int Cell) bestKey = default;
        var bestZero = -1;
        (int IsTotal, int Cell) bestZeroKey = default;
        foreach (var r in relationIds)
        {
            foreach (var cell in CellsOf(r))
            {
                if (cells[cell] != Disclosure.Shown || published[cell])
                {
                    continue;
                }

                var isTotal = relations[r].Total == cell ? 1 : 0;
                if (counts[cell] >= SmallCellSuppression.SmallestShown)
                {
                    var key = (counts[cell], isTotal, cell);
                    if (best < 0 || key.CompareTo(bestKey) < 0)
                    {
                        (best, bestKey) = (cell, key);
                    }
                }
                else if (counts[cell] == 0 && (bestZero < 0 || (isTotal, cell).CompareTo(bestZeroKey) < 0))
                {
                    (bestZero, bestZeroKey) = (cell, (isTotal, cell));
                }
            }
        }

        return best >= 0 ? best : bestZero;
    }

    private int WithheldIn(int r)
    {
        var n = cells[relations[r].Total] == Disclosure.Shown ? 0 : 1;
        foreach (var part in relations[r].Parts)
        {
            if (cells[part] != Disclosure.Shown)
            {
                n++;
            }
        }

        return n;
    }

    private IEnumerable<int> CellsOf(int r) => relations[r].Parts.Append(relations[r].Total);
}

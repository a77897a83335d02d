namespace Beacon.Core.Analytics;

/// <summary>
/// California-style small-cell suppression of a cube of counts (ADR-011, issue 8): a pure function from
/// exact counts and the linear relations between them to what a reader may learn of each cell.
/// </summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item><b>Primary.</b> Every count from 1 to 10 is <see cref="Disclosure.Small"/> (shown as "&lt;11").</item>
/// <item><b>Zeros.</b> In a relation whose total is non-zero and whose every non-zero part is Small, the zero
/// parts are Small too: otherwise "total &lt;11, high &lt;11, possible 0, none 0" tells which level every child
/// of the group got. Making a zero Small never changes which parts are non-zero, so one pass is the fixpoint.</item>
/// <item><b>Complementary.</b> While a relation holds exactly one withheld cell, one more of its cells is
/// hidden: the smallest count of at least 11 that is not withheld and not published, a part before the total
/// when sizes tie. Hiding a zero protects nothing (the reader would take it for 11 or more), so when no such
/// cell is left the <b>fallback</b> is a zero of the relation (not published), shown as "&lt;11" — honest, a zero
/// is below 11 — which the reader then knows only as 0..10.</item>
/// <item><b>Audit.</b> <see cref="SuppressionAudit"/> bounds every withheld cell as an attacker would; for
/// each one that fails its protection interval one more cell is withheld: the smallest candidate (≥ 11, or
/// else a zero as above) in a relation holding the failing cell, or if those relations have none, in the
/// relations one step further out through withheld cells, and so on. Then the complementary rule and the
/// audit run again. Each step only relaxes what the attacker knows, so it ends; in the worst case every
/// unpublished cell of the connected relations is withheld. A failing cell with no candidate anywhere in its
/// reach is reported in <see cref="SuppressionResult.Unprotectable"/>: published cells pin it, or the labels
/// alone ("&lt;11" is at most 10, hidden at least 11) bound it, which no choice of cells can undo.</item>
/// </list>
/// </remarks>
public static class SmallCellSuppression
{
    /// <summary>The least count that may be shown (California: 1 to 10 is suppressed).</summary>
    public const int SmallestShown = 11;

    /// <summary>Decides what each cell of a cube may show.</summary>
    /// <param name="counts">The exact counts, margins included; none negative.</param>
    /// <param name="relations">Every linear relation between cells; each must hold for <paramref name="counts"/>.</param>
    /// <param name="published">
    /// Optional, one per cell: cells an earlier release already showed. They stay shown, the attacker is assumed to
    /// know them, and they are never chosen to hide. None may hold a count from 1 to 10.
    /// </param>
    /// <exception cref="ArgumentException">The input is inconsistent (the message says what).</exception>
    public static SuppressionResult Suppress(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, IReadOnlyList<bool>? published = null)
    {
        SuppressionInput.Validate(counts, relations, published);
        var isPublished = published is null ? new bool[counts.Count] : published.ToArray();
        var cells = new Disclosure[counts.Count];
        var relationsOf = SuppressionInput.RelationsOfCells(counts.Count, relations);
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = counts[i] is > 0 and < SmallestShown ? Disclosure.Small : Disclosure.Shown;
        }

        ApplyZeroRule(counts, relations, isPublished, cells);
        var chooser = new ComplementChooser(counts, relations, isPublished, relationsOf, cells);
        chooser.CompleteRelations(Enumerable.Range(0, relations.Count));
        var rounds = 0;
        var unprotectable = new List<int>();
        var passed = new HashSet<int>();
        while (true)
        {
            rounds++;
            var failing = SuppressionAudit.FailingCells(counts, relations, cells, passed).Except(unprotectable).ToList();
            if (failing.Count == 0)
            {
                break;
            }

            var widened = new List<int>();
            foreach (var cell in failing)
            {
                var added = chooser.WithholdNear(cell);
                if (added < 0)
                {
                    unprotectable.Add(cell);
                }
                else
                {
                    widened.Add(added);
                }
            }

            if (widened.Count == 0)
            {
                break;
            }

            chooser.CompleteRelations(widened.SelectMany(c => relationsOf[c]).Distinct());
        }

        unprotectable.Sort();
        return new SuppressionResult(cells, rounds, unprotectable);
    }

    /// <summary>
    /// What a reader can work out of some withheld cells of a suppressed cube: the least and greatest value each can
    /// take given everything shown, by the audit's own program (rounded inward). For a caller deciding whether a
    /// result with <see cref="SuppressionResult.Unprotectable"/> cells may still be published.
    /// </summary>
    public static IReadOnlyDictionary<int, (long Least, long Greatest)> Ranges(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, Disclosure[] cells, IReadOnlyCollection<int> of) =>
        SuppressionAudit.Bounds(counts, relations, cells, of);

    private static void ApplyZeroRule(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, bool[] published, Disclosure[] cells)
    {
        foreach (var relation in relations)
        {
            if (counts[relation.Total] == 0 || relation.Parts.Any(p => counts[p] > 0 && cells[p] != Disclosure.Small))
            {
                continue;
            }

            foreach (var part in relation.Parts)
            {
                // A published zero is already known to the reader: hiding it now would change nothing.
                if (counts[part] == 0 && !published[part])
                {
                    cells[part] = Disclosure.Small;
                }
            }
        }
    }
}

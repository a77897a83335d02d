namespace Beacon.Core.Analytics;

/// <summary>The outcome of <see cref="SmallCellSuppression.Suppress"/>: one disclosure per cell, and diagnostics.</summary>
/// <param name="Cells">What a reader may learn of each cell, in the order of the counts given.</param>
/// <param name="AuditRounds">
/// How many times the attacker's audit ran (the last one found nothing to narrow, unless
/// <see cref="Unprotectable"/> is non-empty).
/// </param>
/// <param name="Unprotectable">
/// Withheld cells whose protection interval still fails once every unpublished cell within their reach
/// (the relations that hold them and, through withheld cells, the relations beyond) is withheld. Two
/// things cause it: published cells that pin them, and the labels themselves — "&lt;11" says at most 10 and
/// "hidden" says at least 11, so in a 2×2 table 8 5 | 7 4 (column totals 15 and 9, both withheld) the 5 can
/// be at most 9, because its column's "&lt;11" total also holds a cell that "hidden" row totals force above 0.
/// No choice of cells can do better there; the caller decides (for instance withholds the whole table, or
/// accepts a narrowed "&lt;11", which still never gives the count).
/// </param>
public sealed record SuppressionResult(Disclosure[] Cells, int AuditRounds, IReadOnlyList<int> Unprotectable)
{
    /// <summary>How many cells are shown.</summary>
    public int ShownCount => Cells.Count(c => c == Disclosure.Shown);

    /// <summary>How many cells are shown as "&lt;11" (counts from 1 to 10 and the zeros that must look like them).</summary>
    public int SmallCount => Cells.Count(c => c == Disclosure.Small);

    /// <summary>How many cells are hidden to protect the small ones (each holds at least 11).</summary>
    public int HiddenCount => Cells.Count(c => c == Disclosure.Hidden);
}

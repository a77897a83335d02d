namespace Beacon.Core.Analytics;

/// <summary>The outcome of <see cref="SmallCellSuppression.Suppress"/>: one disclosure per cell, and diagnostics.</summary>
/// <param name="Cells">What a reader may learn of each cell, in the order of the counts given.</param>
/// <param name="AuditRounds">
/// How many times the attacker's audit ran (the last one found nothing to narrow, unless
/// <see cref="Unprotectable"/> is non-empty).
/// </param>
/// <param name="Unprotectable">
/// Withheld cells whose protection interval could not be met because every other cell that could
/// widen it was already published (an earlier release pinned them). Empty for a first release: without
/// published cells the fallback can always withhold enough. A caller that gets a non-empty list has a
/// release that conflicts with what is already out and must not publish it without review.
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

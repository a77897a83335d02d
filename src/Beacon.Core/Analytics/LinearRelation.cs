namespace Beacon.Core.Analytics;

/// <summary>
/// One linear relation of a cube flattened to cells: <c>counts[Total] == sum(counts[Parts])</c> (ADR-011).
/// Margins are cells too, so a cell may be the total of several relations (screens per month are the sum
/// of the concern levels and also of the age bands) and a part of several (a county is a part of its group
/// and the total of its agencies). Tables that share a margin are simply relations that share cells.
/// </summary>
/// <param name="Total">The index of the cell that holds the sum.</param>
/// <param name="Parts">The indices of the cells it sums; distinct, non-empty, never the total itself.</param>
public sealed record LinearRelation(int Total, IReadOnlyList<int> Parts);

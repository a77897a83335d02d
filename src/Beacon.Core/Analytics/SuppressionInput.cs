namespace Beacon.Core.Analytics;

/// <summary>Checks and indexes the input of <see cref="SmallCellSuppression.Suppress"/>.</summary>
internal static class SuppressionInput
{
    /// <summary>
    /// Refuses input the suppression cannot reason about: a wrong relation would make the audit
    /// bound cells by equations that do not hold, and so protect nothing.
    /// </summary>
    public static void Validate(
        IReadOnlyList<long> counts, IReadOnlyList<LinearRelation> relations, IReadOnlyList<bool>? published)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(relations);
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"Cell {i} has a negative count ({counts[i]}).", nameof(counts));
            }
        }

        if (published is not null && published.Count != counts.Count)
        {
            throw new ArgumentException(
                $"There are {published.Count} published flags for {counts.Count} cells.", nameof(published));
        }

        for (var r = 0; r < relations.Count; r++)
        {
            ValidateRelation(counts, relations[r], r);
        }

        if (published is null)
        {
            return;
        }

        for (var i = 0; i < counts.Count; i++)
        {
            if (published[i] && counts[i] is > 0 and < SmallCellSuppression.SmallestShown)
            {
                throw new ArgumentException(
                    $"Cell {i} is marked published but holds a count from 1 to 10, which is never shown.",
                    nameof(published));
            }
        }
    }

    private static void ValidateRelation(IReadOnlyList<long> counts, LinearRelation? relation, int r)
    {
        if (relation is null || relation.Parts is null)
        {
            throw new ArgumentException($"Relation {r} is missing or has no parts list.", "relations");
        }

        if (relation.Parts.Count == 0)
        {
            throw new ArgumentException($"Relation {r} has no parts.", "relations");
        }

        var seen = new HashSet<int>();
        foreach (var cell in relation.Parts.Append(relation.Total))
        {
            if (cell < 0 || cell >= counts.Count)
            {
                throw new ArgumentException(
                    $"Relation {r} names cell {cell}, outside 0..{counts.Count - 1}.", "relations");
            }

            if (!seen.Add(cell))
            {
                throw new ArgumentException($"Relation {r} names cell {cell} twice.", "relations");
            }
        }

        var sum = relation.Parts.Sum(p => counts[p]);
        if (sum != counts[relation.Total])
        {
            throw new ArgumentException(
                $"Relation {r} does not hold: cell {relation.Total} is {counts[relation.Total]} but its parts sum to {sum}.",
                "relations");
        }
    }

    /// <summary>For each cell, the relations it takes part in (as total or part).</summary>
    public static List<int>[] RelationsOfCells(int cellCount, IReadOnlyList<LinearRelation> relations)
    {
        var of = new List<int>[cellCount];
        for (var i = 0; i < cellCount; i++)
        {
            of[i] = [];
        }

        for (var r = 0; r < relations.Count; r++)
        {
            foreach (var cell in relations[r].Parts.Append(relations[r].Total))
            {
                of[cell].Add(r);
            }
        }

        return of;
    }
}

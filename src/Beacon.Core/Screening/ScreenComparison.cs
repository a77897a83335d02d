namespace Beacon.Core.Screening;

/// <summary>How one answer differs between two screens; null is unknown, <c>Asked</c> false means the item was not in that screen's instrument.</summary>
public sealed record AnswerChange(string ItemId, bool AskedBefore, int? Before, bool AskedAfter, int? After);

/// <summary>What changed from one screen to the next: the level, and every answer that differs.</summary>
public sealed record ScreenChanges(ConcernLevel LevelBefore, ConcernLevel LevelAfter, IReadOnlyList<AnswerChange> Answers)
{
    public bool LevelChanged => LevelBefore != LevelAfter;
}

public static class ScreenComparison
{
    /// <summary>
    /// Compares answers by item (catalog) ID, so a quick screen can be compared with a later full
    /// one: items only one of them asked are listed as such. Order: the later screen's items, then
    /// items only the earlier one asked.
    /// </summary>
    public static ScreenChanges Compare(
        ConcernLevel levelBefore, IReadOnlyDictionary<string, int?> before,
        ConcernLevel levelAfter, IReadOnlyDictionary<string, int?> after,
        IEnumerable<string> order)
    {
        var changes = new List<AnswerChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in order.Concat(after.Keys).Concat(before.Keys))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            var askedBefore = before.TryGetValue(id, out var b);
            var askedAfter = after.TryGetValue(id, out var a);
            if (!askedBefore && !askedAfter)
            {
                continue;
            }

            if (askedBefore != askedAfter || a != b)
            {
                changes.Add(new AnswerChange(id, askedBefore, b, askedAfter, a));
            }
        }

        return new ScreenChanges(levelBefore, levelAfter, changes);
    }
}

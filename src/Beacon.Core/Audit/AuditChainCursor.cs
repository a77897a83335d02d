namespace Beacon.Core.Audit;

/// <summary>
/// <see cref="AuditChain.Verify"/> one entry at a time, so that a trail too long to hold in memory
/// can be read page by page and still checked by exactly the same rules.
/// </summary>
public sealed class AuditChainCursor
{
    private string _previous = AuditChain.Genesis;
    private long _expected = 1;

    /// <summary>How many entries have verified so far.</summary>
    public long Verified => _expected - 1;

    /// <summary>The hash of the last verified entry (the genesis value before any).</summary>
    public string LastHash => _previous;

    /// <summary>Checks the next entry in sequence order; returns why it does not fit, or null.</summary>
    public AuditBreak? Add(AuditEntry entry)
    {
        if (entry.Sequence != _expected)
        {
            return new AuditBreak(_expected, entry.Sequence > _expected
                ? $"entry {_expected} is missing (the next entry is {entry.Sequence})"
                : $"entry {entry.Sequence} appears out of order after {_expected - 1}");
        }

        if (!string.Equals(entry.PreviousHash, _previous, StringComparison.Ordinal))
        {
            return new AuditBreak(entry.Sequence, "its previous-hash does not match the entry before it");
        }

        if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(entry.Sequence, "its contents do not match its hash (the entry was changed)");
        }

        _previous = entry.Hash;
        _expected++;
        return null;
    }

    /// <summary>
    /// After the last entry: deleting the newest entries leaves a shorter chain that is still
    /// consistent, so the end must match the head recorded elsewhere (its sequence and hash).
    /// </summary>
    public AuditBreak? End((long Sequence, string Hash) head)
    {
        var last = _expected - 1;
        if (head.Sequence != last || (head.Sequence > 0 && !string.Equals(head.Hash, _previous, StringComparison.Ordinal)))
        {
            return new AuditBreak(Math.Min(_expected, head.Sequence), $"the trail ends at entry {last} but its recorded head is entry {head.Sequence}");
        }

        return null;
    }
}

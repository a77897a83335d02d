using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Beacon.Core.Audit;

/// <summary>
/// One entry of the append-only trail: who (user id and the role they acted in), what (action,
/// record type and id), when (UTC) and the outcome, never youth PII. <see cref="Sequence"/> counts
/// from 1 with no gaps; <see cref="Hash"/> covers every field and the previous entry's hash.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTime OccurredUtc,
    Guid? UserId,
    string? Role,
    AuditAction Action,
    string RecordType,
    string? RecordId,
    AuditOutcome Outcome,
    string? Detail,
    string PreviousHash,
    string Hash);

/// <summary>Where a chain stops verifying, and why.</summary>
public sealed record AuditBreak(long Sequence, string Reason);

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over a length-prefixed encoding of its fields and
/// the previous entry's hash, so editing, deleting, inserting or reordering any entry changes every
/// hash after it. The first entry's previous hash is <see cref="Genesis"/>.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(
        long sequence, DateTime occurredUtc, Guid? userId, string? role, AuditAction action,
        string recordType, string? recordId, AuditOutcome outcome, string? detail, string previousHash)
    {
        if (occurredUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Audit times are UTC.", nameof(occurredUtc));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, sequence.ToString(CultureInfo.InvariantCulture));
        // Ticks, not a formatted string: a database that rounds the time would break the chain
        // visibly rather than silently, and the store keeps full precision.
        Append(hash, occurredUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        Append(hash, userId?.ToString("D"));
        Append(hash, role);
        Append(hash, ((int)action).ToString(CultureInfo.InvariantCulture));
        Append(hash, recordType);
        Append(hash, recordId);
        Append(hash, ((int)outcome).ToString(CultureInfo.InvariantCulture));
        Append(hash, detail);
        Append(hash, previousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string ComputeHash(AuditEntry e) =>
        ComputeHash(e.Sequence, e.OccurredUtc, e.UserId, e.Role, e.Action, e.RecordType, e.RecordId, e.Outcome, e.Detail, e.PreviousHash);

    /// <summary>
    /// Checks entries in sequence order from the first; returns the first entry that does not fit
    /// (a gap, a wrong previous hash, or a hash that does not match its fields), or null when the
    /// whole chain verifies. Deleting the newest entries leaves a shorter chain that is still
    /// consistent, so callers pass the head they recorded elsewhere (<paramref name="head"/>: the last
    /// sequence and hash) to catch that too.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entriesInOrder, (long Sequence, string Hash)? head = null)
    {
        var cursor = new AuditChainCursor();
        foreach (var entry in entriesInOrder)
        {
            if (cursor.Add(entry) is { } broken)
            {
                return broken;
            }
        }

        return head is { } h ? cursor.End(h) : null;
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        // Length-prefixed (−1 for null), so ("ab","c") and ("a","bc") never hash the same.
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}

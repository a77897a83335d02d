using Beacon.Core.Audit;

namespace Beacon.Data.Entities;

/// <summary>
/// One row of the append-only, hash-chained audit trail (see <see cref="AuditChain"/>). No youth
/// PII: records are named by type and id only. <see cref="Sequence"/> is assigned by the writer as
/// the head's sequence + 1 inside the same transaction, so concurrent writers cannot fork the chain.
/// </summary>
public class AuditLogEntry
{
    public const int RoleMax = 32;
    public const int RecordTypeMax = 32;
    public const int RecordIdMax = 64;
    public const int DetailMax = 256;

    public long Sequence { get; set; }
    public DateTime OccurredUtc { get; set; }
    public Guid? UserId { get; set; }
    public string? Role { get; set; }
    public AuditAction Action { get; set; }
    public required string RecordType { get; set; }
    public string? RecordId { get; set; }
    public AuditOutcome Outcome { get; set; }
    public string? Detail { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public AuditEntry ToEntry() =>
        new(Sequence, OccurredUtc, UserId, Role, Action, RecordType, RecordId, Outcome, Detail, PreviousHash, Hash);
}

/// <summary>The newest entry's sequence and hash, in its own one-row table: cutting the newest rows off the trail shows.</summary>
public class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}

using System.Data;
using System.Data.Common;
using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure;

/// <summary>What one audit entry says, before the trail gives it a sequence, a time and a hash.</summary>
/// <remarks>Record ids and fixed codes only: never a name, never text a user typed (that could be youth PII).</remarks>
public sealed record AuditRecord(
    AuditAction Action, string RecordType, string? RecordId, AuditOutcome Outcome, Guid? UserId, string? Role, string? Detail = null);

/// <summary>
/// The one way entries reach the append-only, hash-chained trail (ADR-007). Each append runs in its
/// own DbContext and transaction: lock the head row, chain the new entry onto it, move the head.
/// A writer that loses a race to another process retries; within this process a semaphore queues
/// writers so that they rarely race at all.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, ILogger<AuditTrail> logger)
{
    public const int MaxAttempts = 8;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Records what the signed-in user of the current request did.</summary>
    public Task<long> WriteAsync(
        AuditAction action, string recordType, string? recordId, AuditOutcome outcome, string? detail = null, CancellationToken ct = default)
    {
        var user = http.HttpContext?.User;
        return AppendAsync(new AuditRecord(action, recordType, recordId, outcome, UserIdOf(user), HighestRole(user), detail), ct);
    }

    /// <summary>Appends one entry and returns its sequence. Throws when the database refuses every attempt:
    /// a read that cannot be audited should fail rather than happen unrecorded.</summary>
    public async Task<long> AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await TryAppendAsync(record, ct);
                }
                catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex))
                {
                    logger.LogDebug(ex, "Audit append conflicted (attempt {Attempt}); retrying", attempt);
                    // A small random pause, growing with each attempt, so two processes stop colliding in step.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), ct);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<long> TryAppendAsync(AuditRecord r, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        // SQLite: Serializable begins with BEGIN IMMEDIATE, taking the database's write lock before the
        // head is read. PostgreSQL: the head row is read FOR UPDATE, so a second writer waits for it.
        await using var tx = await db.Database.BeginTransactionAsync(
            db.Database.IsNpgsql() ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, ct);
        var head = await LockHeadAsync(db, ct);
        var sequence = (head?.Sequence ?? 0) + 1;
        var previous = head?.Hash ?? AuditChain.Genesis;
        // Whole microseconds: PostgreSQL's timestamp keeps no finer, and the hash covers the stored ticks.
        var now = clock.GetUtcNow().UtcDateTime;
        var when = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
        var detail = r.Detail is { Length: > AuditLogEntry.DetailMax } d ? d[..AuditLogEntry.DetailMax] : r.Detail;
        var hash = AuditChain.ComputeHash(sequence, when, r.UserId, r.Role, r.Action, r.RecordType, r.RecordId, r.Outcome, detail, previous);
        db.AuditLog.Add(new AuditLogEntry
        {
            Sequence = sequence, OccurredUtc = when, UserId = r.UserId, Role = r.Role, Action = r.Action,
            RecordType = r.RecordType, RecordId = r.RecordId, Outcome = r.Outcome, Detail = detail, PreviousHash = previous, Hash = hash,
        });
        if (head is null)
        {
            // The first append creates the head; two first appends at once collide on its key, and one retries.
            db.AuditHeads.Add(new AuditHead { Sequence = sequence, Hash = hash });
        }
        else
        {
            head.Sequence = sequence;
            head.Hash = hash;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sequence;
    }

    private static Task<AuditHead?> LockHeadAsync(BeaconDbContext db, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.AuditHeads.FromSqlRaw("SELECT * FROM \"AuditHeads\" WHERE \"Id\" = {0} FOR UPDATE", AuditHead.SingletonId).SingleOrDefaultAsync(ct)
            : db.AuditHeads.SingleOrDefaultAsync(h => h.Id == AuditHead.SingletonId, ct);

    // A unique key or the head's concurrency token (DbUpdateException), a busy or serialization
    // failure (DbException), or Npgsql's execution strategy wrapping one of them.
    private static bool IsConflict(Exception ex) =>
        ex is DbUpdateException or DbException || ex is InvalidOperationException { InnerException: DbUpdateException or DbException };

    public static Guid? UserIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The most privileged role the user holds (Roles.All lists them most privileged first).</summary>
    public static string? HighestRole(ClaimsPrincipal? user) =>
        user is null ? null : Roles.All.FirstOrDefault(user.IsInRole);

    public static string? HighestRole(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return Roles.All.FirstOrDefault(held.Contains);
    }
}

using System.Data;
using System.Data.Common;
using System.Security.Claims;
using System.Threading.Channels;
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
/// The one way entries reach the append-only, hash-chained trail (ADR-007). Appends are committed in groups: each
/// caller hands its record to one writer loop and awaits its entry's sequence; the loop takes everything waiting (up
/// to <see cref="MaxBatch"/>), and in one DbContext and transaction locks the head row, chains the entries onto it in
/// the order they came, moves the head and commits, then completes each caller. Concurrent audited actions so share
/// one commit (one fsync) instead of queueing for one each. A batch that loses a race to another process is retried
/// whole; a batch that fails otherwise fails every caller in it, and nothing of it is stored. A caller whose
/// sequence comes back has its entry committed.
/// </summary>
public sealed class AuditTrail : IDisposable
{
    public const int MaxAttempts = 8;
    public const int MaxBatch = 256;

    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _clock;
    private readonly ILogger<AuditTrail> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public AuditTrail(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, ILogger<AuditTrail> logger)
    {
        (_scopes, _http, _clock, _logger) = (scopes, http, clock, logger);
        _ = Task.Run(WriteLoopAsync);
    }

    /// <summary>One caller's record and the promise of its sequence; continuations run off the writer loop.</summary>
    private sealed record Pending(AuditRecord Record)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Records what the signed-in user of the current request did.</summary>
    public Task<long> WriteAsync(
        AuditAction action, string recordType, string? recordId, AuditOutcome outcome, string? detail = null, CancellationToken ct = default)
    {
        var user = _http.HttpContext?.User;
        return AppendAsync(new AuditRecord(action, recordType, recordId, outcome, UserIdOf(user), HighestRole(user), detail), ct);
    }

    /// <summary>Appends one entry and returns its sequence once it is committed. Throws when the database refuses
    /// every attempt: a read that cannot be audited should fail rather than happen unrecorded. An entry handed over is
    /// always written, even when <paramref name="ct"/> is cancelled (a request whose visitor went away after its save
    /// was committed still leaves its entry); the token only stops the caller's wait.</summary>
    public Task<long> AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        var pending = new Pending(record);
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task.WaitAsync(ct)
            : Task.FromException<long>(new ObjectDisposedException(nameof(AuditTrail), "The audit trail is shut down: nothing more can be recorded."));
    }

    /// <summary>Stops taking records; those already waiting are still written.</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var first = await AppendBatchAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(first + i);
                }
            }
            catch (Exception ex) when (batch.Count > 1)
            {
                // Not a race with another writer (those were retried): one entry may be what the database refuses. Each
                // entry is tried alone, so that only the callers whose own entry cannot be stored fail.
                _logger.LogWarning(ex, "Audit append of {Count} entries failed; appending them one at a time", batch.Count);
                // Two failing in a row says the database itself is refusing (down, full): the rest fail at once rather
                // than each waiting through its own retries.
                var failedInARow = 0;
                foreach (var p in batch)
                {
                    if (failedInARow >= 2)
                    {
                        Fail(p, ex);
                    }
                    else
                    {
                        failedInARow = await AppendAloneAsync(p) ? 0 : failedInARow + 1;
                    }
                }
            }
            catch (Exception ex)
            {
                Fail(batch[0], ex);
            }
        }
    }

    /// <summary>Appends one entry as a batch of its own; false when it failed (its caller is told).</summary>
    private async Task<bool> AppendAloneAsync(Pending p)
    {
        try
        {
            p.Done.TrySetResult(await AppendBatchAsync([p]));
            return true;
        }
        catch (Exception ex)
        {
            Fail(p, ex);
            return false;
        }
    }

    /// <summary>The caller learns that its entry is not there; the loop goes on with the next one.</summary>
    private void Fail(Pending p, Exception ex)
    {
        _logger.LogError(ex, "Audit append failed; the entry was not stored");
        p.Done.TrySetException(ex);
    }

    private async Task<long> AppendBatchAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAppendAsync(batch);
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex))
            {
                _logger.LogDebug(ex, "Audit append conflicted (attempt {Attempt}); retrying", attempt);
                // A small random pause, growing with each attempt, so two processes stop colliding in step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt));
            }
        }
    }

    /// <summary>Chains the batch onto the head in one transaction and returns the first entry's sequence.</summary>
    private async Task<long> TryAppendAsync(List<Pending> batch)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        // SQLite: Serializable begins with BEGIN IMMEDIATE, taking the database's write lock before the
        // head is read. PostgreSQL: the head row is read FOR UPDATE, so a second writer waits for it.
        await using var tx = await db.Database.BeginTransactionAsync(
            db.Database.IsNpgsql() ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable);
        var head = await LockHeadAsync(db, CancellationToken.None);
        var first = (head?.Sequence ?? 0) + 1;
        var sequence = first - 1;
        var hash = head?.Hash ?? AuditChain.Genesis;
        foreach (var p in batch)
        {
            sequence++;
            hash = Chain(db, p.Record, sequence, hash);
        }

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

        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return first;
    }

    /// <summary>Adds the entry at <paramref name="sequence"/> after the one whose hash is <paramref name="previous"/>; returns its hash.</summary>
    private string Chain(BeaconDbContext db, AuditRecord r, long sequence, string previous)
    {
        // Whole microseconds: PostgreSQL's timestamp keeps no finer, and the hash covers the stored ticks.
        var now = _clock.GetUtcNow().UtcDateTime;
        var when = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
        // Cut to the columns' lengths, as stored (a record id can carry a value from a request, such as a figures scope).
        var detail = Cut(r.Detail, AuditLogEntry.DetailMax);
        var role = Cut(r.Role, AuditLogEntry.RoleMax);
        var recordType = Cut(r.RecordType, AuditLogEntry.RecordTypeMax)!;
        var recordId = Cut(r.RecordId, AuditLogEntry.RecordIdMax);
        var hash = AuditChain.ComputeHash(sequence, when, r.UserId, role, r.Action, recordType, recordId, r.Outcome, detail, previous);
        db.AuditLog.Add(new AuditLogEntry
        {
            Sequence = sequence, OccurredUtc = when, UserId = r.UserId, Role = role, Action = r.Action,
            RecordType = recordType, RecordId = recordId, Outcome = r.Outcome, Detail = detail, PreviousHash = previous, Hash = hash,
        });
        return hash;
    }

    private static string? Cut(string? value, int max) => value is { Length: var n } && n > max ? value[..max] : value;

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

using Beacon.Web.Infrastructure;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.TaskForce;

public enum RegisterResult
{
    Registered,
    NotFound,
    EventCancelled,
    EventPast,
    AlreadyRegistered,
    /// <summary>Others kept changing the same event at the same moment; nothing was kept.</summary>
    Busy,
}

public enum CancelResult
{
    Cancelled,
    NotFound,
    AlreadyCancelled,
    EventPast,
    Busy,
}

/// <summary>What a registrant typed, already checked and trimmed; the email lower-cased.</summary>
public sealed record Registrant(string Name, string Email, string Organisation);

/// <summary>
/// Takes and gives back seats. Each change runs in one serializable transaction: the seat count, the
/// duplicate check and the write cannot interleave with another registration for the same event. When
/// the database reports a clash (PostgreSQL's serialization failure, when several people register for
/// one event at the same moment), the whole step is tried again after a short random pause, so that
/// the clashing requests do not meet again; each round lets at least one of them through.
/// </summary>
public sealed class RegistrationDesk(BeaconDbContext db, TimeProvider clock, ILogger<RegistrationDesk> logger)
{
    private const int Attempts = 8;

    public async Task<(RegisterResult Result, string? Token)> RegisterAsync(Guid eventId, Registrant who, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var result = RegisterResult.NotFound;
            string? token = null;
            var outcome = await SerializableTransaction.RunAsync(db, async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var taskForceEvent = await db.TaskForceEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);
                result = taskForceEvent switch
                {
                    null => RegisterResult.NotFound,
                    { IsCancelled: true } => RegisterResult.EventCancelled,
                    _ when taskForceEvent.StartsUtc <= now => RegisterResult.EventPast,
                    _ when await db.EventRegistrations.AnyAsync(
                        r => r.EventId == eventId && r.Email == who.Email && r.Status != RegistrationStatus.Cancelled, ct)
                        => RegisterResult.AlreadyRegistered,
                    _ => RegisterResult.Registered,
                };
                if (result != RegisterResult.Registered)
                {
                    return false;
                }

                var confirmed = await Seats.ConfirmedAsync(db, eventId, ct);
                token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
                var registration = new EventRegistration
                {
                    EventId = eventId, Name = who.Name, Email = who.Email, Organisation = who.Organisation, RegisteredUtc = now,
                    Status = confirmed < taskForceEvent!.Capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
                    CancelTokenHash = Hash(token),
                };
                db.EventRegistrations.Add(registration);
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Registration {RegistrationId} for event {EventId}: {Status}", registration.Id, eventId, registration.Status);
                return true;
            }, ct);
            if (outcome != SaveOutcome.Conflict)
            {
                return (result, token);
            }

            await PauseAsync(attempt, ct);
        }

        logger.LogWarning("Registration for event {EventId} gave up after {Attempts} clashing attempts", eventId, Attempts);
        return (RegisterResult.Busy, null);
    }

    /// <summary>Cancels a registration; a confirmed seat goes to the head of the waitlist in the same transaction.</summary>
    public async Task<CancelResult> CancelAsync(string token, CancellationToken ct)
    {
        var hash = HashOrNull(token);
        if (hash is null)
        {
            return CancelResult.NotFound;
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var result = CancelResult.NotFound;
            var outcome = await SerializableTransaction.RunAsync(db, async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var registration = await db.EventRegistrations.Include(r => r.Event)
                    .SingleOrDefaultAsync(r => r.CancelTokenHash == hash, ct);
                result = registration switch
                {
                    null => CancelResult.NotFound,
                    { Status: RegistrationStatus.Cancelled } => CancelResult.AlreadyCancelled,
                    _ when registration.Event!.StartsUtc <= now => CancelResult.EventPast,
                    _ => CancelResult.Cancelled,
                };
                if (result != CancelResult.Cancelled)
                {
                    return false;
                }

                var heldSeat = registration!.Status == RegistrationStatus.Confirmed;
                registration.Status = RegistrationStatus.Cancelled;
                registration.CancelledUtc = now;
                await db.SaveChangesAsync(ct);
                var promoted = heldSeat ? await Seats.FillFromWaitlistAsync(db, registration.Event!, now, ct) : 0;
                logger.LogInformation("Registration {RegistrationId} cancelled by its registrant; {Promoted} moved up from the waitlist",
                    registration.Id, promoted);
                return true;
            }, ct);
            if (outcome != SaveOutcome.Conflict)
            {
                return result;
            }

            await PauseAsync(attempt, ct);
        }

        return CancelResult.Busy;
    }

    /// <summary>The registration a personal link names, with its event; null for an unknown or malformed token.</summary>
    public Task<EventRegistration?> FindAsync(string? token, CancellationToken ct)
    {
        var hash = HashOrNull(token);
        return hash is null
            ? Task.FromResult<EventRegistration?>(null)
            : db.EventRegistrations.AsNoTracking().Include(r => r.Event).SingleOrDefaultAsync(r => r.CancelTokenHash == hash, ct);
    }

    private static Task PauseAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 30) * attempt), ct);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // A token is 43 base64url characters; anything much longer is not worth hashing.
    private static string? HashOrNull(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 64 ? null : Hash(token);
}

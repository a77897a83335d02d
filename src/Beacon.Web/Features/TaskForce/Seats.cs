using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// Confirmed seats and the waitlist of one event. The callers run these inside a serializable
/// transaction, so that a count and the change it leads to cannot be interleaved with another's.
/// </summary>
public static class Seats
{
    public static Task<int> ConfirmedAsync(BeaconDbContext db, Guid eventId, CancellationToken ct) =>
        db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed, ct);

    /// <summary>Moves the longest-waiting registrations up into the free seats; returns how many moved.</summary>
    public static async Task<int> FillFromWaitlistAsync(BeaconDbContext db, TaskForceEvent taskForceEvent, DateTime now, CancellationToken ct)
    {
        var free = taskForceEvent.Capacity - await ConfirmedAsync(db, taskForceEvent.Id, ct);
        if (free <= 0 || taskForceEvent.IsCancelled || taskForceEvent.StartsUtc <= now)
        {
            return 0;
        }

        var next = await WaitlistQuery(db, taskForceEvent.Id).Take(free).ToListAsync(ct);
        foreach (var registration in next)
        {
            registration.Status = RegistrationStatus.Confirmed;
        }

        await db.SaveChangesAsync(ct);
        return next.Count;
    }

    /// <summary>1 for the head of the waitlist; null when the registration is not waitlisted.</summary>
    public static async Task<int?> WaitlistPositionAsync(BeaconDbContext db, Guid eventId, Guid registrationId, CancellationToken ct)
    {
        var ids = await WaitlistQuery(db, eventId).Select(r => r.Id).ToListAsync(ct);
        var index = ids.IndexOf(registrationId);
        return index < 0 ? null : index + 1;
    }

    /// <summary>First come, first served; the id only breaks a tie between two registrations of the same instant.</summary>
    public static IQueryable<EventRegistration> WaitlistQuery(BeaconDbContext db, Guid eventId) =>
        db.EventRegistrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.RegisteredUtc).ThenBy(r => r.Id);
}

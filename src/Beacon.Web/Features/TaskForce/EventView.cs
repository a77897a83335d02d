using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.TaskForce;

/// <summary>One event as the public pages show it, with its county and its seats.</summary>
public sealed record EventView(TaskForceEvent Event, Jurisdiction County, int Confirmed)
{
    public int SeatsLeft => Math.Max(0, Event.Capacity - Confirmed);

    public bool IsPast(DateTime now) => Event.StartsUtc <= now;

    /// <summary>Open for registration: neither cancelled nor started.</summary>
    public bool IsOpen(DateTime now) => !Event.IsCancelled && !IsPast(now);

    public static async Task<EventView?> LoadAsync(BeaconDbContext db, Guid id, CancellationToken ct)
    {
        var found = await db.TaskForceEvents.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                Event = e, County = e.Jurisdiction!, Confirmed = e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
            })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new EventView(found.Event, found.County, found.Confirmed);
    }
}

/// <summary>Absolute links for what leaves the page: a bookmark, a calendar file.</summary>
public static class PublicLinks
{
    /// <summary>From Beacon:PublicBaseUrl when it is set (behind a proxy), else from the request.</summary>
    public static Uri Absolute(HttpRequest request, IOptions<BeaconOptions> options, string path)
    {
        var configured = options.Value.PublicBaseUrl;
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
        return new Uri(root + path);
    }
}

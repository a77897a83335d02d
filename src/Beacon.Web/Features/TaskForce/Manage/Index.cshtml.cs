using Beacon.Web.Features.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>The trainer's list of their county's events and trainings: upcoming first, then past.</summary>
public sealed class IndexModel(BeaconDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(
        Guid Id, TaskForceEventKind Kind, string TitleEn, string TitleEs, DateTime StartsUtc, int Capacity, bool IsCancelled,
        int Confirmed, int Waitlisted);

    public string CountyId { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CountyId = User.CountyId();
        CountyName = await ManagedEvents.CountyNameAsync(db, User, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.TaskForceEvents.AsNoTracking()
            .Where(e => e.JurisdictionId == CountyId)
            .Select(e => new Row(e.Id, e.Kind, e.TitleEn, e.TitleEs, e.StartsUtc, e.Capacity, e.IsCancelled,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
                e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted)))
            .ToListAsync(ct);
        Upcoming = rows.Where(r => r.StartsUtc > now).OrderBy(r => r.StartsUtc).ToList();
        Past = rows.Where(r => r.StartsUtc <= now).OrderByDescending(r => r.StartsUtc).ToList();
    }
}

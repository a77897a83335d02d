using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>
/// Who sees which saved screens, written once for the pages and the API. Everyone works in their own
/// county only. A reporter sees the screens they wrote; the county's intake staff (the caseworkers and
/// supervisors its triage setting names, <see cref="Intake.TriageSettingsReader.MaySeeQueueAsync"/>) also
/// see every completed screen of the county that no case has taken in (the intake work they do). Once a case
/// takes a screen in, the case's need-to-know decides (ADR-009): its author, and those whose access to
/// the case shows screens. A draft is its author's alone. A screen outside this is "not found", never
/// "forbidden".
/// </summary>
public sealed class ScreenAccess(BeaconDbContext db, Cases.CaseAccess cases, Intake.TriageSettingsReader triage)
{
    /// <summary>Whether the user sees the county's screens that no case has taken in: its intake staff.</summary>
    public async Task<bool> SeesCountyAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        (user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Supervisor)) && await triage.MaySeeQueueAsync(user, ct);

    public async Task<IQueryable<SavedScreen>> VisibleAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var county = user.CountyId();
        var me = user.UserId();
        var screens = db.SavedScreens.Where(s => s.JurisdictionId == county);
        if (!user.IsInRole(Roles.Caseworker) && !user.IsInRole(Roles.Supervisor))
        {
            return screens.Where(s => s.AuthorId == me);
        }

        var unlinked = await SeesCountyAsync(user, ct);
        var caseShowsScreens = cases.VisibleCases(user, SharedParts.Screens).Select(c => c.Id);
        return screens.Where(s => s.AuthorId == me ||
                                  (s.CompletedUtc != null && (s.CaseId == null ? unlinked : caseShowsScreens.Contains(s.CaseId.Value))));
    }

    public async Task<SavedScreen?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await (await VisibleAsync(user, cancellationToken)).Include(s => s.Author).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>The screens about the same intake item or the same youth reference, oldest first.</summary>
    public async Task<List<SavedScreen>> SeriesAsync(SavedScreen screen, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var tip = screen.TipId;
        var subject = screen.SubjectIndex;
        return await (await VisibleAsync(user, cancellationToken)).Include(s => s.Author)
            .Where(s => s.Id == screen.Id || (tip != null && s.TipId == tip) || (subject != null && s.SubjectIndex == subject))
            .OrderBy(s => s.CreatedUtc)
            .ToListAsync(cancellationToken);
    }
}

using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>
/// Who sees which saved screens, written once for the pages and the API. Everyone works in their own
/// county only. A reporter sees the screens they wrote; a caseworker or supervisor also sees every
/// completed screen of the county that no case has taken in (the intake work they do). Once a case
/// takes a screen in, the case's need-to-know decides (ADR-009): its author, and those whose access to
/// the case shows screens. A draft is its author's alone. A screen outside this is "not found", never
/// "forbidden".
/// </summary>
public sealed class ScreenAccess(BeaconDbContext db, Cases.CaseAccess cases)
{
    public static bool SeesCounty(ClaimsPrincipal user) => user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Supervisor);

    public IQueryable<SavedScreen> Visible(ClaimsPrincipal user)
    {
        var county = user.CountyId();
        var me = user.UserId();
        var screens = db.SavedScreens.Where(s => s.JurisdictionId == county);
        if (!SeesCounty(user))
        {
            return screens.Where(s => s.AuthorId == me);
        }

        var caseShowsScreens = cases.VisibleCases(user, SharedParts.Screens).Select(c => c.Id);
        return screens.Where(s => s.AuthorId == me ||
                                  (s.CompletedUtc != null && (s.CaseId == null || caseShowsScreens.Contains(s.CaseId.Value))));
    }

    public Task<SavedScreen?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        Visible(user).Include(s => s.Author).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>The screens about the same intake item or the same youth reference, oldest first.</summary>
    public Task<List<SavedScreen>> SeriesAsync(SavedScreen screen, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var tip = screen.TipId;
        var subject = screen.SubjectIndex;
        return Visible(user).Include(s => s.Author)
            .Where(s => s.Id == screen.Id || (tip != null && s.TipId == tip) || (subject != null && s.SubjectIndex == subject))
            .OrderBy(s => s.CreatedUtc)
            .ToListAsync(cancellationToken);
    }
}

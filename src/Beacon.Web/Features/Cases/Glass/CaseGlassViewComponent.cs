using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Glass;

public sealed record GlassRow(string? Who, string? Agency, DateTime GrantedUtc, DateTime EndsUtc, string Reason);

/// <summary>
/// The case's break-the-glass grants, with who, when, until when and why: for the people the case
/// belongs to (its team, its caseworker, its agency's supervisors), so that a look from outside is
/// never silent; a supervisor who broke the glass sees only their own. Nobody else sees this section.
/// </summary>
[CaseSection(90)]
public sealed class CaseGlassViewComponent(BeaconDbContext db) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        // A supervisor who broke the glass sees their own grants (the case page sends them here for
        // the time their access ends); the people the case belongs to see every grant; others nothing.
        var relation = opened.Access.Relation;
        if (relation < CaseRelation.Team && relation != CaseRelation.BrokenGlass)
        {
            return Content(string.Empty);
        }

        var me = HttpContext.User.UserId();
        var everyone = relation >= CaseRelation.Team;
        var grants = await db.BreakGlassGrants.AsNoTracking()
            .Where(g => g.CaseId == opened.Id && (everyone || g.UserId == me))
            .OrderByDescending(g => g.GrantedUtc)
            .Select(g => new
            {
                Who = db.Users.Where(u => u.Id == g.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                Agency = db.Users.Where(u => u.Id == g.UserId).Select(u => u.Agency!.Name).FirstOrDefault(),
                g.GrantedUtc, g.EndsUtc, g.Reason,
            })
            .ToListAsync(HttpContext.RequestAborted);
        return View(grants.Select(g => new GlassRow(g.Who, g.Agency, g.GrantedUtc, g.EndsUtc, g.Reason)).ToList());
    }
}

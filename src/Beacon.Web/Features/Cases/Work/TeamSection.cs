using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Work;

public sealed record TeamSectionModel(OpenedCase Opened, IReadOnlyList<CaseMember> Team, IReadOnlyList<CaseMember> Invitees);

/// <summary>
/// Who works the case: the assigned caseworker, the team, and the MDT invitees whose invitation has
/// not ended (read-only here: invitations belong to the MDT meetings).
/// </summary>
[CaseSection(15)]
public sealed class CaseTeamSection(BeaconDbContext db, TimeProvider clock) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.SeesWholeCase)
        {
            return Content("");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var members = await db.CaseMembers.AsNoTracking().Include(m => m.User)
            .Where(m => m.CaseId == opened.Id && (m.Kind == CaseMemberKind.Team || m.AccessEndsUtc > now))
            .OrderBy(m => m.AddedUtc).ToListAsync(HttpContext.RequestAborted);
        return View(new TeamSectionModel(opened,
            members.Where(m => m.Kind == CaseMemberKind.Team).ToList(),
            members.Where(m => m.Kind == CaseMemberKind.MdtInvitee).ToList()));
    }
}

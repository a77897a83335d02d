using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Takes someone off the case's team, or ends a live MDT invitation early (a wrong invitee, a cancelled
/// meeting), after a confirmation step. Either way the person no longer sees the case through it.
/// </summary>
public sealed class RemoveMemberModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, CaseAccess access, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public CaseMember Member { get; private set; } = null!;
    public bool IsInvitation => Member.Kind == CaseMemberKind.MdtInvitee;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId) =>
        await OpenAsync(id, CaseOperation.Work) && await FindAsync(memberId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid memberId)
    {
        if (!await OpenAsync(id, CaseOperation.Work) || !await FindAsync(memberId))
        {
            return NotFound();
        }

        db.CaseMembers.Remove(Member);
        await db.SaveChangesAsync(Aborted);
        access.Forget(id);
        var what = IsInvitation ? "invitation-end" : "team-remove";
        if (Member.UserId == User.UserId())
        {
            // Off the team: the case may no longer be theirs to open.
            await Gate.RecordAsync(AuditAction.Change, Opened, what, Aborted);
            return Redirect("/cases");
        }

        return await DoneAsync(AuditAction.Change, what, IsInvitation ? "Team.Notice.InvitationEnded" : "Team.Notice.Removed", CaseSections.Team);
    }

    private async Task<bool> FindAsync(Guid memberId)
    {
        var caseId = Case.Id;
        var member = await db.CaseMembers.Include(m => m.User)
            .SingleOrDefaultAsync(m => m.Id == memberId && m.CaseId == caseId, Aborted);
        if (member is not null && member.Kind == CaseMemberKind.MdtInvitee && !(member.AccessEndsUtc > clock.GetUtcNow().UtcDateTime))
        {
            member = null; // an invitation that has ended already: nothing to end
        }

        if (member is null)
        {
            return false;
        }

        Member = member;
        return true;
    }
}

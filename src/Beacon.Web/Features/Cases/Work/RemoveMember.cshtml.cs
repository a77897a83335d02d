using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>Takes someone off the case's team, after a confirmation step.</summary>
public sealed class RemoveMemberModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, CaseAccess access)
    : CaseWorkPage(gate, c)
{
    public CaseMember Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId) =>
        await OpenFormAsync(id) && await FindAsync(memberId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid memberId)
    {
        if (!await OpenAsync(id, CaseOperation.Work) || !await FindAsync(memberId))
        {
            return NotFound();
        }

        db.CaseMembers.Remove(Member);
        await db.SaveChangesAsync(Aborted);
        access.Forget(id);
        if (Member.UserId == User.UserId())
        {
            // Off the team: the case may no longer be theirs to open.
            await Gate.RecordAsync(AuditAction.Change, Opened, "team-remove", Aborted);
            return Redirect("/cases");
        }

        return await DoneAsync(AuditAction.Change, "team-remove", "Team.Notice.Removed", CaseSections.Team);
    }

    private async Task<bool> FindAsync(Guid memberId)
    {
        var caseId = Case.Id;
        var member = await db.CaseMembers.Include(m => m.User)
            .SingleOrDefaultAsync(m => m.Id == memberId && m.CaseId == caseId && m.Kind == CaseMemberKind.Team, Aborted);
        if (member is null)
        {
            return false;
        }

        Member = member;
        return true;
    }
}

using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>Adds a caseworker or supervisor of the owning agency to the case's team.</summary>
public sealed class TeamModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, CaseAccess access, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public sealed record Candidate(Guid Id, string Name);

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public Guid? UserId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? userId)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        await LoadAsync();
        UserId = userId;
        if (userId is not { } chosen || Candidates.All(x => x.Id != chosen))
        {
            ModelState.AddModelError("userId", C["Team.Error.User"]);
            return Page();
        }

        db.CaseMembers.Add(new CaseMember { CaseId = id, UserId = chosen, Kind = CaseMemberKind.Team, AddedUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(Aborted);
        }
        catch (DbUpdateException)
        {
            // Added by someone else since the page was shown (the index is unique).
            ModelState.AddModelError("userId", C["Team.Error.User"]);
            return Page();
        }

        access.Forget(id);
        return await DoneAsync(AuditAction.Change, "team-add", "Team.Notice.Added", CaseSections.Team);
    }

    /// <summary>The owning agency's caseworkers and supervisors who are not assigned and not on the team yet.</summary>
    private async Task LoadAsync()
    {
        var assigned = Case.AssignedUserId;
        var caseId = Case.Id;
        Candidates = await CaseStaff.OfAgency(db, Case.AgencyId)
            .Where(u => u.Id != assigned && !db.CaseMembers.Any(m => m.CaseId == caseId && m.UserId == u.Id && m.Kind == CaseMemberKind.Team))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Candidate(u.Id, u.DisplayName))
            .ToListAsync(Aborted);
    }
}

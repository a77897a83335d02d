using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Queues;

/// <summary>
/// <c>/cases/{id}/assign</c>: a supervisor of the owning agency gives the case to another of the
/// agency's active caseworkers or supervisors. The stamp catches a change made meanwhile; the reason,
/// if given, goes into a case note (encrypted), never into the audit entry. The previous caseworker
/// keeps access only if on the team. Anyone else gets 404.
/// </summary>
public sealed class AssignModel(
    BeaconDbContext db, CaseGate gate, CaseAccess access, TimeProvider clock, IStringLocalizer<QueueResource> q)
    : PageModel
{
    public const int ReasonMax = 1000;
    public const string AuditCode = "assign";

    public sealed record Candidate(Guid Id, string Name, string? Email, bool IsSupervisor);

    public Case Case { get; private set; } = null!;
    public string? YouthName { get; private set; }
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    [BindProperty(Name = "caseworker")]
    public Guid? Caseworker { get; set; }

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    [BindProperty(Name = "stamp")]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, CaseOperation.Reassign, ct) is not { } opened)
        {
            return NotFound();
        }

        // The page shows the case (its youth, status and caseworker): the gate audited the GET as a view.
        await LoadAsync(opened, ct);
        Caseworker = Case.AssignedUserId;
        Stamp = Case.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, CaseOperation.Reassign, ct) is not { } opened)
        {
            return NotFound();
        }

        await LoadAsync(opened, ct);
        Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var chosen = Candidates.FirstOrDefault(c => c.Id == Caseworker);
        if (Stamp != Case.Stamp)
        {
            ModelState.AddModelError("", q["Assign.Error.Changed"]);
        }
        else if (Caseworker is null)
        {
            ModelState.AddModelError("caseworker", q["Assign.Error.Choose"]);
        }
        else if (chosen is null)
        {
            ModelState.AddModelError("caseworker", q["Assign.Error.NotInAgency"]);
        }
        else if (chosen.Id == Case.AssignedUserId)
        {
            ModelState.AddModelError("caseworker", q["Assign.Error.Same", chosen.Name]);
        }

        if (Reason is { Length: > ReasonMax })
        {
            ModelState.AddModelError("reason", q["Assign.Error.ReasonTooLong", ReasonMax, Reason.Length]);
        }

        if (!ModelState.IsValid)
        {
            // After "changed meanwhile" the page shows the case as it is now, so the next try is an informed one.
            Stamp = Case.Stamp;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.UserId();
        var previous = Case.AssignedUser?.DisplayName;
        Case.AssignedUserId = chosen!.Id;
        Case.Stamp = Guid.NewGuid();
        var text = previous is null
            ? q["Assign.Note.First", chosen.Name].Value
            : q["Assign.Note.Changed", previous, chosen.Name].Value;
        db.CaseNotes.Add(new CaseNote
        {
            CaseId = Case.Id, AuthorId = me, CreatedUtc = now,
            Versions = [new CaseNoteVersion { Number = 1, Text = Reason is null ? text : $"{text}\n{q["Assign.Note.Reason", Reason]}", EditedByUserId = me, EditedUtc = now }],
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", q["Assign.Error.Changed"]);
            return await ReloadAsync(id, ct);
        }

        access.Forget(id);
        await gate.RecordAsync(AuditAction.Change, opened, AuditCode, ct);
        TempData[IndexModel.NoticeKey] = q["Assign.Done", chosen.Name].Value;
        TempData[IndexModel.NoticeCaseKey] = id.ToString();
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await gate.OpenAsync(id, CaseOperation.Reassign, ct) is not { } opened)
        {
            return NotFound();
        }

        await LoadAsync(opened, ct);
        Stamp = Case.Stamp;
        return Page();
    }

    private async Task LoadAsync(OpenedCase opened, CancellationToken ct)
    {
        Case = opened.Case;
        if (opened.Access.Sees(SharedParts.Identity))
        {
            YouthName = (await YouthNames.OfAsync(db, Case.YouthId, ct)).Name;
        }

        Candidates = (await Work.CaseStaff.OfAgency(db, Case.AgencyId).AsNoTracking()
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Email,
                    Supervisor = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Supervisor)),
                })
                .ToListAsync(ct))
            .Select(u => new Candidate(u.Id, u.DisplayName, u.Email, u.Supervisor))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id)
            .ToList();
    }
}

using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Exports;

/// <summary>
/// <c>/cases/{id}/summary</c>: the case summary as a PDF for the court or the MDT, in the reader's
/// language, for those who see the whole case (its owners, team and live MDT invitees, a supervisor
/// who broke the glass). A referral's receiving agency sees only what was shared, so it gets 403; no
/// relation at all, 404. The read is audited by the gate, the file as an export.
/// </summary>
public sealed class SummaryModel(CaseGate gate, BeaconDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<QueueResource> q)
    : PageModel
{
    public const string AuditCode = "summary-pdf";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, CaseOperation.Read, ct) is not { } opened)
        {
            return NotFound();
        }

        if (!opened.Access.SeesWholeCase)
        {
            // A referral shares parts of a case, never the whole summary: not found, like any case outside the user's need to know.
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Case, id.ToString(), AuditOutcome.Refused, AuditCode, ct);
            return NotFound();
        }

        var summary = await ReadAsync(opened, ct);
        var pdf = CaseSummaryPdf.Render(summary, q);
        await gate.RecordAsync(AuditAction.Export, opened, AuditCode, ct);
        Response.Headers.CacheControl = "no-store";
        var date = PacificTime.FromUtc(summary.GeneratedUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(pdf, "application/pdf", $"case-summary-{id.ToString("N")[..8]}-{date}.pdf");
    }

    private async Task<CaseSummary> ReadAsync(OpenedCase opened, CancellationToken ct)
    {
        var c = opened.Case;
        SummaryYouth? youth = null;
        if (opened.Access.Sees(SharedParts.Identity))
        {
            var y = await db.Youth.AsNoTracking().SingleAsync(x => x.Id == c.YouthId, ct);
            youth = new SummaryYouth(y.LegalName, y.PreferredName, y.DateOfBirth, y.Pronouns, y.Language, y.PurgedUtc is not null);
        }

        var history = await db.CaseStatusChanges.AsNoTracking().Where(h => h.CaseId == c.Id).OrderBy(h => h.AtUtc).ToListAsync(ct);
        var members = await db.CaseMembers.AsNoTracking().Include(m => m.User!).ThenInclude(u => u.Agency)
            .Where(m => m.CaseId == c.Id).OrderBy(m => m.Kind).ThenBy(m => m.AddedUtc).ToListAsync(ct);
        var services = await db.CaseServices.AsNoTracking().Include(s => s.ProviderAgency)
            .Where(s => s.CaseId == c.Id).OrderBy(s => s.Kind).ToListAsync(ct);
        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == c.Id, ct);
        var notes = await db.CaseNotes.AsNoTracking().Include(n => n.Versions)
            .Where(n => n.CaseId == c.Id).OrderBy(n => n.CreatedUtc).ToListAsync(ct);
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == c.Id)
            .OrderBy(t => t.DoneUtc != null).ThenBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ToListAsync(ct);

        var userIds = history.Select(h => h.ByUserId)
            .Concat(notes.Select(n => n.AuthorId))
            .Concat(tasks.Where(t => t.AssignedUserId != null).Select(t => t.AssignedUserId!.Value))
            .Concat(plan is null ? [] : [plan.UpdatedByUserId])
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Name(Guid user) => names.GetValueOrDefault(user) ?? q["Summary.FormerUser"];

        return new CaseSummary(
            c.Id, clock.GetUtcNow().UtcDateTime, CultureInfo.CurrentCulture, youth,
            Status(c.Status), c.Agency?.Name ?? "", c.AssignedUser?.DisplayName, c.OpenedUtc, c.ClosedUtc,
            history.Select(h => new SummaryStatusChange(h.AtUtc, Status(h.From), Status(h.To), Name(h.ByUserId), h.Reason)).ToList(),
            members.Select(m => new SummaryMember(m.User?.DisplayName ?? q["Summary.FormerUser"], m.User?.Agency?.Name,
                m.Kind == CaseMemberKind.MdtInvitee ? m.AccessEndsUtc : null)).ToList(),
            services.Select(s => new SummaryService(q[$"ServiceKind.{s.Kind}"], s.ProviderAgency?.Name, q[$"ServiceStatus.{s.Status}"], s.UpdatedUtc)).ToList(),
            plan is null ? null : new SummarySafetyPlan(plan.Text, Name(plan.UpdatedByUserId), plan.UpdatedUtc),
            notes.Where(n => n.Versions.Count > 0).Select(n => (Note: n, Latest: n.Versions.MaxBy(v => v.Number)!))
                .Select(x => new SummaryNote(Name(x.Note.AuthorId), x.Note.CreatedUtc, x.Latest.Number, x.Latest.EditedUtc, x.Latest.Text)).ToList(),
            tasks.Select(t => new SummaryTask(t.Title, t.DueDate, t.AssignedUserId is { } a ? Name(a) : null, t.DoneUtc)).ToList());
    }

    private string Status(CaseStatus status) => q[$"CaseStatus.{status}"];
}

using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Queues;

/// <summary>
/// <c>/cases/{id}/transfer</c>: a supervisor of the owning agency hands the whole case to another agency
/// of the county (a referral shares parts and keeps the owner; a transfer moves the owner). The basis
/// for sharing is required as for a referral; the case goes to the receiving agency unassigned (its
/// supervisors see it in their team's list and assign it), and the sending agency's team leaves the
/// case. The basis and reason go into an encrypted case note; the audit entry says "transfer" only.
/// </summary>
public sealed class TransferModel(BeaconDbContext db, CaseGate gate, CaseAccess access, TimeProvider clock, IStringLocalizer<QueueResource> q)
    : PageModel
{
    public const int ReasonMax = 1000;
    public const int LegalBasisMax = 200;
    public const string AuditCode = "transfer";

    public sealed record AgencyChoice(Guid Id, string Name);

    public Case Case { get; private set; } = null!;
    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    [BindProperty(Name = "agency")]
    public Guid? Agency { get; set; }

    [BindProperty(Name = "basis")]
    public string? Basis { get; set; }

    [BindProperty(Name = "legalBasis")]
    public string? LegalBasis { get; set; }

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

        await LoadAsync(opened, ct);
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
        var to = Agencies.FirstOrDefault(a => a.Id == Agency);
        Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        LegalBasis = string.IsNullOrWhiteSpace(LegalBasis) ? null : LegalBasis.Trim();
        var basis = Enum.TryParse<ConsentBasis>(Basis, out var b) && Enum.IsDefined(b) ? b : (ConsentBasis?)null;
        if (Stamp != Case.Stamp)
        {
            ModelState.AddModelError("", q["Assign.Error.Changed"]);
        }

        if (to is null)
        {
            ModelState.AddModelError("agency", q["Transfer.Error.Agency"]);
        }

        if (basis is null)
        {
            ModelState.AddModelError("basis", q["Transfer.Error.Basis"]);
        }
        else if (basis == ConsentBasis.LegalBasis && LegalBasis is null)
        {
            ModelState.AddModelError("legalBasis", q["Transfer.Error.LegalBasis"]);
        }

        if (LegalBasis is { Length: > LegalBasisMax })
        {
            ModelState.AddModelError("legalBasis", q["Transfer.Error.LegalBasisTooLong", LegalBasisMax, LegalBasis.Length]);
        }

        if (Reason is null)
        {
            ModelState.AddModelError("reason", q["Transfer.Error.Reason"]);
        }
        else if (Reason.Length > ReasonMax)
        {
            ModelState.AddModelError("reason", q["Assign.Error.ReasonTooLong", ReasonMax, Reason.Length]);
        }

        if (!ModelState.IsValid)
        {
            Stamp = Case.Stamp;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.UserId();
        var from = Case.Agency?.Name ?? "";
        var basisText = basis == ConsentBasis.LegalBasis ? q["Transfer.Note.Legal", LegalBasis!].Value : q["Transfer.Note." + basis].Value;
        var team = await db.CaseMembers.Where(m => m.CaseId == id && m.Kind == CaseMemberKind.Team).ToListAsync(ct);
        db.CaseMembers.RemoveRange(team);
        Case.AgencyId = to!.Id;
        Case.AssignedUserId = null;
        Case.Stamp = Guid.NewGuid();
        db.CaseNotes.Add(new CaseNote
        {
            CaseId = id, AuthorId = me, CreatedUtc = now,
            Versions = [new CaseNoteVersion
            {
                Number = 1, EditedByUserId = me, EditedUtc = now,
                Text = $"{q["Transfer.Note", from, to.Name].Value}\n{basisText}\n{q["Assign.Note.Reason", Reason!].Value}",
            }],
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", q["Assign.Error.Changed"]);
            return await OnGetAsync(id, ct);
        }

        access.Forget(id);
        await gate.RecordAsync(AuditAction.Change, opened, AuditCode, ct);
        TempData[IndexModel.NoticeKey] = q["Transfer.Done", to.Name].Value;
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(OpenedCase opened, CancellationToken ct)
    {
        Case = opened.Case;
        var own = Case.AgencyId;
        var county = Case.JurisdictionId;
        Agencies = (await db.Agencies.AsNoTracking()
                .Where(a => a.JurisdictionId == county && a.Id != own && a.IsActive)
                .Select(a => new AgencyChoice(a.Id, a.Name)).ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
    }
}

using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Cases.Queues;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// <c>/intake/{id}/link</c>: links an open item to an existing case the user works (assigned, on the
/// team, or supervisor of the owning agency), and so to its youth record. The list of cases is audited
/// as a look at the user's caseload; the chosen case is opened through the <see cref="CaseGate"/>, and
/// taking the item in is audited on the case as well as on the item.
/// </summary>
public sealed class LinkModel(
    BeaconDbContext db, IntakeGate gate, TriageSettingsReader triage, TimeProvider clock, IStringLocalizer<IntakeResource> i,
    CaseAccess access, CaseGate cases, IntakeLinks links, AuditTrail audit)
    : TriagePage(db, gate, triage, clock, i)
{
    public const int ListMax = 200;

    public IReadOnlyList<CaseRow> Candidates { get; private set; } = [];

    [BindProperty(Name = "caseId")]
    public Guid? CaseId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, toTriage: true) is { } stop)
        {
            return stop;
        }

        if (!Item.IsOpen)
        {
            return BackToItem("Notice.NotOpen");
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, toTriage: true) is { } stop)
        {
            return stop;
        }

        if (Item.Status == IntakeStatus.Linked && CaseId is not null && Item.CaseId == CaseId)
        {
            return BackToItem("Notice.Linked"); // the same form sent twice: linked the first time
        }

        if (!Item.IsOpen)
        {
            return BackToItem("Notice.NotOpen");
        }

        OpenedCase? opened = null;
        if (StampMatches())
        {
            opened = CaseId is { } chosen ? await cases.OpenAsync(chosen, CaseOperation.Work, Aborted) : null;
            if (CaseId is null)
            {
                ModelState.AddModelError("caseId", I["Link.Error.Choose"]);
            }
            else if (opened is null || opened.Case.Status == CaseStatus.Closed)
            {
                ModelState.AddModelError("caseId", I["Link.Error.Case"]);
            }
        }

        if (!ModelState.IsValid)
        {
            Stamp = Item.Stamp;
            return await ShowAgainAsync();
        }

        await links.LinkAsync(Item, opened!.Case.YouthId, opened.Id, Aborted);
        if (!await SaveAsync())
        {
            return await ShowAgainAsync();
        }

        await cases.RecordAsync(AuditAction.Change, opened, IntakeLinks.CaseAuditCode, Aborted);
        return await DoneAsync(TriageCodes.Link, "Notice.Linked");
    }

    /// <summary>The form again with its errors: it shows the item, so the look is audited like a GET.</summary>
    private async Task<IActionResult> ShowAgainAsync()
    {
        await Gate.ViewedAsync(Item, Aborted);
        await LoadAsync();
        return Page();
    }

    /// <summary>The open cases the user works, newest first: the relations that may change a case (CaseAccess decides each).</summary>
    private async Task LoadAsync()
    {
        var me = User.UserId();
        var agency = User.AgencyId();
        var supervisor = User.IsInRole(Beacon.Core.Accounts.Roles.Supervisor);
        var listed = await access.VisibleCases(User).AsNoTracking().Include(c => c.Agency).Include(c => c.AssignedUser)
            .Where(c => c.Status != CaseStatus.Closed &&
                        (c.AssignedUserId == me || c.Members.Any(m => m.UserId == me && m.Kind == CaseMemberKind.Team) ||
                         (supervisor && c.AgencyId == agency)))
            .OrderByDescending(c => c.OpenedUtc).Take(ListMax).ToListAsync(Aborted);
        Candidates = (await CaseRows.ReadAsync(Db, access, User, listed, Aborted)).Where(r => r.Access.CanWork).ToList();
        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Caseload, me.ToString(), AuditOutcome.Allowed, IntakeLinks.CaseAuditCode, Aborted);
    }
}

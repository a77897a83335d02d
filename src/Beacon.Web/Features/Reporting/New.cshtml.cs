using Beacon.Core.Audit;
using Beacon.Core.Jurisdictions;
using Beacon.Core.Reporting;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// The phone report: which agency of the county was called (from its directory, or another typed),
/// when, who took it and the reference given. Saving it starts the written-report clock of the county's
/// reporting law; a county whose state has no reporting law in Beacon is refused, plainly.
/// </summary>
public sealed class NewModel(
    BeaconDbContext db, ReportStarts starts, ContactDirectory directory, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<ReportingResource> m) : PageModel
{
    public const string NoticeKey = "ReportNotice";

    [BindProperty(SupportsGet = true)]
    public Guid? Screen { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Case { get; set; }

    [BindProperty]
    public PhoneReportInput Input { get; set; } = new();

    public ReportingLaw? Law { get; private set; }
    public ReportStart Start { get; private set; } = ReportStart.Neither;
    public IReadOnlyList<Contact> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Input.Phoned = PhoneReportCheck.FieldValue(now);
        // A screen was done after the reporter learned of it: its start is the latest the information can have come.
        Input.Learned = PhoneReportCheck.FieldValue(Start.Screen?.CreatedUtc ?? now);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Law is null || Start.ScreenNotReportable)
        {
            return Page(); // the page says why; nothing is saved
        }

        var me = User.UserId();
        var id = RecordIds.From(Request);
        var owner = await db.MandatedReports.Where(r => r.Id == id).Select(r => (Guid?)r.ReporterUserId).SingleOrDefaultAsync(ct);
        if (owner == me)
        {
            return Redirect($"/reports/{id}"); // the same form sent twice: the report is already saved
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (new PhoneReportCheck(ModelState, shared, m).Check(Input, Agencies, now, Localization.Language) is not { } phone)
        {
            return Page();
        }

        var report = new MandatedReport
        {
            Id = owner is null ? id : Guid.NewGuid(), JurisdictionId = User.CountyId(), LawId = Law.Id, ReporterUserId = me,
            AgencyId = User.AgencyId(), ScreenId = Start.Screen?.Id, CaseId = Start.CaseId,
            CalledContactId = phone.Contact?.Id, CalledAgency = phone.Agency, LearnedUtc = phone.LearnedUtc, PhonedUtc = phone.PhonedUtc,
            TakenBy = phone.TakenBy, ReferenceNumber = phone.Reference,
            WrittenDueUtc = WrittenReportClock.DueUtc(phone.LearnedUtc, Law.Clock), CreatedUtc = now,
        };
        db.MandatedReports.Add(report);
        await db.SaveChangesAsync(ct);
        var from = string.Join("; ", new[] { report.ScreenId is null ? null : "screen", report.CaseId is null ? null : "case" }.OfType<string>());
        await audit.WriteAsync(AuditAction.Create, AuditRecordTypes.MandatedReport, report.Id.ToString(), AuditOutcome.Allowed,
            from.Length == 0 ? "phone; no screen" : $"phone; {from}", ct);
        TempData[NoticeKey] = "Phone.Notice.Saved";
        return Redirect($"/reports/{report.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var county = await directory.FindAsync(User.CountyId(), ct);
        Law = ReportingLaw.ForState(county?.State);
        if (Law is null)
        {
            return true;
        }

        Start = await starts.FindAsync(Screen, Case, ct);
        Agencies = county.ContactsOf(ContactKind.ChildWelfareHotline).Concat(county.ContactsOf(ContactKind.LawEnforcement)).ToList();
        return Start.Found;
    }
}

using Beacon.Core.Audit;
using Beacon.Core.Reporting;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>What the reporter types about sending the written report.</summary>
public sealed class SentInput
{
    public const int ToMax = 200;

    public string? Sent { get; set; }
    public string? Method { get; set; }
    public string? To { get; set; }
    public bool Confirmed { get; set; }
    /// <summary>The written report went on the state's own form, without Beacon's draft being complete.</summary>
    public bool OutsideBeacon { get; set; }
}

/// <summary>
/// Records when, how and where the written report was sent, which stops the clock. Beacon's written
/// report should be complete; a reporter who sent the state's form without completing it here says so
/// (ticked, and audited as such), so the clock never stays red over a report that did go. The time is
/// California time, not before the phone call and not in the future; a deliberate confirmation is
/// asked, since a stopped clock does not start again.
/// </summary>
public sealed class SentModel(
    ReportGate gate, BeaconDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> shared, IStringLocalizer<ReportingResource> m)
    : PageModel
{
    [BindProperty]
    public SentInput Input { get; set; } = new();

    public OpenedReport Opened { get; private set; } = null!;
    public Guid Stamp { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ReportOperation.Write, ct) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        Stamp = opened.Report.Stamp;
        Input.Sent = PhoneReportCheck.FieldValue(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid stamp, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ReportOperation.Write, ct) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        Stamp = stamp;
        var report = opened.Report;
        if (report.IsSent)
        {
            return Page(); // the page says why; nothing is recorded
        }

        if (!opened.IsComplete && !Input.OutsideBeacon)
        {
            ModelState.AddModelError("Input.OutsideBeacon", m["Sent.Error.Incomplete", m["Sent.Field.OutsideBeacon"]]);
        }

        var check = new PhoneReportCheck(ModelState, shared, m);
        var sent = check.Time("Input.Sent", "Sent.Field.Sent", Input.Sent, clock.GetUtcNow().UtcDateTime);
        if (sent is { } at && at < report.PhonedUtc)
        {
            ModelState.AddModelError("Input.Sent", m["Sent.Error.BeforeCall", m["Sent.Field.Sent"]]);
        }

        // Only a method's name: Enum.TryParse would also take "1" or "Fax, Mail".
        var method = Enum.GetValues<ReportSentMethod>().Select(v => (ReportSentMethod?)v).FirstOrDefault(v => v.ToString() == Input.Method);
        if (method is null)
        {
            ModelState.AddModelError("Input.Method", m["Sent.Error.Method", m["Sent.Field.Method"]]);
        }

        var to = check.Text("Input.To", "Sent.Field.To", Input.To, SentInput.ToMax);
        if (!Input.Confirmed)
        {
            ModelState.AddModelError("Input.Confirmed", m["Sent.Error.Confirm", m["Sent.Field.Confirmed"]]);
        }

        if (report.Stamp != stamp)
        {
            ModelState.AddModelError("", m["Error.Changed"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Entry(report).Property(r => r.Stamp).OriginalValue = stamp;
        report.Stamp = Guid.NewGuid();
        report.SentUtc = sent;
        report.SentMethod = method;
        report.SentTo = to;
        report.SentRecordedByUserId = User.UserId();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", m["Error.Changed"]);
            return Page();
        }

        var inTime = sent <= report.WrittenDueUtc;
        await gate.RecordAsync(AuditAction.Change, opened,
            (inTime ? "sent; on-time" : "sent; late") + (opened.IsComplete ? "" : "; outside-beacon"), ct);
        TempData[NewModel.NoticeKey] = "Sent.Notice.Recorded";
        return Redirect($"/reports/{id}");
    }
}

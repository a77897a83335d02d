using Beacon.Core.Audit;
using Beacon.Core.Reporting;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// The written report, drafted with what the law asks for and prefilled on first open from what Beacon
/// knows. "Save draft" keeps it as it is, any time; "Ready to file" saves it only when every required
/// fact is there. An error names each field and nothing is saved. Only the reporter writes it; once it
/// is recorded as sent it is shown, not changed.
/// </summary>
public sealed class WrittenModel(
    ReportGate gate, ReportPrefiller prefiller, BeaconDbContext db, TimeProvider clock,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<ReportingResource> m) : PageModel
{
    public const string ActionFile = "file";

    public OpenedReport Opened { get; private set; } = null!;
    public WrittenReportDraft Draft { get; private set; } = new();
    /// <summary>Nothing saved yet: the values are Beacon's prefill.</summary>
    public bool Prefilled { get; private set; }
    public Guid Stamp { get; private set; }
    public bool Remember { get; private set; }

    public static string FieldName(ReportField field) => "f." + field.Id;

    public static string FieldId(ReportField field) => FieldName(field).Replace('.', '_');

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ReportOperation.Write, ct) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        Draft = opened.Saved ?? await prefiller.BuildAsync(opened, ct);
        Prefilled = opened.Saved is null;
        Stamp = opened.Report.Stamp;
        // Checked until the reporter says otherwise: their next report is then prefilled with what they type now.
        Remember = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, Guid stamp, bool remember, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ReportOperation.Write, ct) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        Stamp = stamp;
        Remember = remember;
        var report = opened.Report;
        if (report.IsSent)
        {
            Draft = opened.Saved ?? new WrittenReportDraft();
            ModelState.AddModelError("", m["Written.Error.Sent"]);
            return Page();
        }

        Draft = Posted(opened.Law);
        var filing = action == ActionFile;
        Check(opened.Law, filing);
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
        report.DraftJson = Draft.ToJson();
        report.DraftSavedUtc = clock.GetUtcNow().UtcDateTime;
        if (remember)
        {
            var reporter = report.Reporter!;
            reporter.WorkAddress = Draft[ReportFieldIds.ReporterAddress];
            reporter.WorkPhone = Draft[ReportFieldIds.ReporterPhone];
            reporter.ReporterCapacity = Draft[ReportFieldIds.ReporterCapacity];
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", m["Error.Changed"]);
            return Page();
        }

        await gate.RecordAsync(AuditAction.Change, opened, (filing ? "written; ready" : "written; draft") + (remember ? "; work-details" : ""), ct);
        TempData[NewModel.NoticeKey] = filing ? "Written.Notice.Ready" : "Written.Notice.Saved";
        return Redirect(filing ? $"/reports/{id}" : $"/reports/{id}/written");
    }

    private WrittenReportDraft Posted(ReportingLaw law)
    {
        var draft = new WrittenReportDraft();
        foreach (var field in law.Fields)
        {
            draft[field.Id] = Request.Form[FieldName(field)].ToString();
        }

        return draft;
    }

    /// <summary>Too long is refused on any save; a missing required fact only when filing; work details must fit the account to be remembered.</summary>
    private void Check(ReportingLaw law, bool filing)
    {
        foreach (var field in law.Fields)
        {
            var label = m["Field." + field.Id];
            var value = Draft[field.Id];
            var rememberMax = field.Id switch
            {
                ReportFieldIds.ReporterAddress or ReportFieldIds.ReporterCapacity => BeaconUser.WorkFieldMax,
                ReportFieldIds.ReporterPhone => 40,
                _ => int.MaxValue,
            };
            if (value is null && filing && field.Required)
            {
                ModelState.AddModelError(FieldName(field), shared["Validation.Required", label]);
            }
            else if (value is not null && value.Length > field.MaxLength)
            {
                ModelState.AddModelError(FieldName(field), shared["Validation.TooLong", label, field.MaxLength]);
            }
            else if (value is not null && Remember && value.Length > rememberMax)
            {
                ModelState.AddModelError(FieldName(field), m["Written.Error.TooLongToRemember", label, rememberMax]);
            }
        }
    }
}

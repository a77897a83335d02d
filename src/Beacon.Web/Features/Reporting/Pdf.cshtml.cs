using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.Reporting;
using Beacon.Core.TaskForce;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// <c>/reports/{id}/pdf</c>: the written report as a printable PDF in the reader's language, for its
/// reporter and the agency's supervisors. Before the first save the reporter gets Beacon's prefill; a
/// supervisor gets only what the reporter saved. Audited as an export; never cached.
/// </summary>
public sealed class PdfModel(ReportGate gate, ReportPrefiller prefiller, TimeProvider clock, IStringLocalizer<ReportingResource> m) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ReportOperation.Read, ct) is not { } opened)
        {
            return NotFound();
        }

        var r = opened.Report;
        var draft = opened.Saved ?? (opened.IsReporter ? await prefiller.BuildAsync(opened, ct) : new WrittenReportDraft());
        var now = clock.GetUtcNow().UtcDateTime;
        var document = new WrittenReportDocument(
            opened.Law, draft, r.Reporter?.DisplayName ?? "", r.CalledAgency, r.PhonedUtc, r.TakenBy, r.ReferenceNumber,
            WrittenReportClock.DueUtc(r.PhonedUtc, opened.Law.Clock), r.SentUtc,
            r.SentMethod is { } method ? m["SentMethod." + method].Value : null, r.SentTo, now, CultureInfo.CurrentCulture);
        var pdf = WrittenReportPdf.Render(document, m);
        await gate.RecordAsync(AuditAction.Export, opened, "pdf", ct);
        Response.Headers.CacheControl = "no-store";
        var date = PacificTime.FromUtc(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(pdf, "application/pdf", $"mandated-report-{id.ToString("N")[..8]}-{date}.pdf");
    }
}

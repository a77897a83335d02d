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
/// reporter only: the supervisors watch the clock, the child's facts are the reporter's to send. Before
/// the first save it holds Beacon's prefill. Audited as an export; never cached.
/// </summary>
public sealed class PdfModel(ReportGate gate, ReportPrefiller prefiller, TimeProvider clock, IStringLocalizer<ReportingResource> m) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ReportOperation.Write, ct) is not { } opened)
        {
            return NotFound();
        }

        var r = opened.Report;
        var draft = opened.Saved ?? await prefiller.BuildAsync(opened, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var document = new WrittenReportDocument(
            opened.Law, draft, r.Reporter?.DisplayName ?? "", r.CalledAgency, r.LearnedUtc, r.PhonedUtc, r.TakenBy, r.ReferenceNumber,
            WrittenReportClock.DueUtc(r.LearnedUtc, opened.Law.Clock), r.SentUtc,
            r.SentMethod is { } method ? m["SentMethod." + method].Value : null, r.SentTo, now, CultureInfo.CurrentCulture);
        var pdf = WrittenReportPdf.Render(document, m);
        await gate.RecordAsync(AuditAction.Export, opened, "pdf", ct);
        Response.Headers.CacheControl = "no-store";
        var date = PacificTime.FromUtc(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(pdf, "application/pdf", $"mandated-report-{id.ToString("N")[..8]}-{date}.pdf");
    }
}

using Beacon.Core.Reporting;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// A mandated report: the written-report clock, big and plain; the phone report; where the written
/// report stands and what to do next; and what the law asks of the reporter. Its supervisors read it
/// (the clock they watch) and change nothing.
/// </summary>
public sealed class DetailsModel(ReportGate gate, TimeProvider clock, IStringLocalizer<ReportingResource> m) : PageModel
{
    public OpenedReport Opened { get; private set; } = null!;
    public MandatedReport Report => Opened.Report;
    public ClockPanel Clock { get; private set; } = null!;
    /// <summary>The labels of the required facts the saved written report still lacks.</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ReportOperation.Read, ct) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        var reading = WrittenReportClock.Read(Report.LearnedUtc, Report.SentUtc, opened.Law.Clock, clock);
        Clock = new ClockPanel(ClockText.Of(reading, m), opened.Law.Clock);
        Missing = opened.Saved?.MissingRequired(opened.Law).Select(f => m["Field." + f.Id].Value).ToList() ?? [];
        return Page();
    }
}

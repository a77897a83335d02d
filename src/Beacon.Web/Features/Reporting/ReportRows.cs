using Beacon.Core.Reporting;
using Beacon.Data.Entities;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>A report in a list: who made it, whom they called and when, and its clock in words.</summary>
public sealed record ReportRow(Guid Id, string Reporter, string CalledAgency, DateTime PhonedUtc, ClockText Clock);

public static class ReportRows
{
    /// <summary>The rows of the reports, their clocks read now; a report under a law Beacon no longer holds is left out.</summary>
    public static IReadOnlyList<ReportRow> Of(IEnumerable<MandatedReport> reports, TimeProvider clock, IStringLocalizer<ReportingResource> m) =>
        reports.Select(r => ReportingLaw.Find(r.LawId) is { } law
                ? new ReportRow(r.Id, r.Reporter?.DisplayName ?? "", r.CalledAgency, r.PhonedUtc,
                    ClockText.Of(WrittenReportClock.Read(r.LearnedUtc, r.SentUtc, law.Clock, clock), m))
                : null)
            .OfType<ReportRow>().ToList();
}

using System.Security.Claims;
using Beacon.Core.Reporting;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>A report in a list: who made it, whom they called and when, its clock in words, and whether the user may open it.</summary>
public sealed record ReportRow(Guid Id, string Reporter, string CalledAgency, DateTime PhonedUtc, ClockText Clock, bool Readable);

public static class ReportRows
{
    /// <summary>
    /// The rows of the reports, their clocks read now; a report under a law Beacon no longer holds is left
    /// out. Only the columns a list shows are read: nothing encrypted (who took the call, the written
    /// report) is loaded, so nothing is decrypted for a list.
    /// </summary>
    public static async Task<IReadOnlyList<ReportRow>> ReadAsync(IQueryable<MandatedReport> reports, ClaimsPrincipal user,
        TimeProvider clock, IStringLocalizer<ReportingResource> m, CancellationToken ct)
    {
        var listed = await reports.Select(r => new
        {
            r.Id, r.LawId, r.ReporterUserId, r.AgencyId, r.JurisdictionId, Reporter = r.Reporter!.DisplayName,
            r.CalledAgency, r.PhonedUtc, r.LearnedUtc, r.SentUtc,
        }).ToListAsync(ct);
        return listed.Select(r => ReportingLaw.Find(r.LawId) is { } law
                ? new ReportRow(r.Id, r.Reporter, r.CalledAgency, r.PhonedUtc,
                    ClockText.Of(WrittenReportClock.Read(r.LearnedUtc, r.SentUtc, law.Clock, clock), m),
                    ReportGate.MayRead(user, r.ReporterUserId, r.AgencyId, r.JurisdictionId))
                : null)
            .OfType<ReportRow>().ToList();
    }
}

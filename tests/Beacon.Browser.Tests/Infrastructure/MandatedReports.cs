using Beacon.Core.Reporting;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>The mandated reports the report pages show, made straight in the server's database.</summary>
public sealed record MandatedReportIds(Guid Fresh, Guid Overdue, Guid Sent);

public static class MandatedReports
{
    /// <summary>
    /// Three reports of the user, each a state of the pages: just phoned with the written report not
    /// started (prefilled from <paramref name="caseId"/>'s youth), overdue with a complete written report,
    /// and sent late.
    /// </summary>
    public static async Task<MandatedReportIds> AddMandatedReportsAsync(this BeaconServer server, Guid userId, Guid caseId)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var user = await db.Users.Include(u => u.Agency).SingleAsync(u => u.Id == userId);
        var law = ReportingLaw.California;
        var complete = new WrittenReportDraft
        {
            ["reporter.name"] = user.DisplayName, ["reporter.address"] = "Synthetic School, 1 Test Way, Auburn CA",
            ["reporter.phone"] = "530-555-0100", ["reporter.capacity"] = "School counselor",
            ["suspicion.information"] = "Synthetic: hotel key cards and an older partner", ["suspicion.sources"] = "The reporter's own observation",
        }.ToJson();
        MandatedReport Report(double hoursAgo, string? draft, DateTime? sentUtc, Guid? caseOf)
        {
            var phoned = DateTime.UtcNow.AddHours(-hoursAgo);
            return new MandatedReport
            {
                JurisdictionId = user.Agency!.JurisdictionId, LawId = law.Id, ReporterUserId = user.Id, AgencyId = user.AgencyId, CaseId = caseOf,
                CalledContactId = "placer-child-welfare", CalledAgency = "Placer County Child Welfare Hotline", LearnedUtc = phoned, PhonedUtc = phoned,
                TakenBy = "Synthetic Intake Worker", ReferenceNumber = "SYN-0001", WrittenDueUtc = WrittenReportClock.DueUtc(phoned, law.Clock),
                DraftJson = draft, DraftSavedUtc = draft is null ? null : phoned.AddHours(1), SentUtc = sentUtc,
                SentMethod = sentUtc is null ? null : ReportSentMethod.Fax, SentTo = sentUtc is null ? null : "Fax 530-555-0199",
                SentRecordedByUserId = sentUtc is null ? null : user.Id, CreatedUtc = phoned,
            };
        }

        var fresh = Report(1, null, null, caseId);
        var overdue = Report(40, complete, null, null);
        var sent = Report(50, complete, DateTime.UtcNow.AddHours(-10), null);
        db.MandatedReports.AddRange(fresh, overdue, sent);
        await db.SaveChangesAsync();
        return new MandatedReportIds(fresh.Id, overdue.Id, sent.Id);
    }
}

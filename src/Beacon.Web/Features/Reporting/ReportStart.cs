using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// Where a report starts: a finished screen of possible or clear concern the user can see, a case they
/// work, or neither (a suspicion with no screen). A screen a case took in brings the case along when the
/// user works it; a case brings its latest screen of concern along. <see cref="Found"/> false: answer 404.
/// </summary>
public sealed record ReportStart(bool Found, SavedScreen? Screen, Guid? CaseId, bool ScreenNotReportable)
{
    public static readonly ReportStart Neither = new(true, null, null, false);
    public static readonly ReportStart Missing = new(false, null, null, false);

    public static bool IsReportable(SavedScreen screen) => !screen.IsDraft && screen.Level is ConcernLevel.Possible or ConcernLevel.Clear;
}

public sealed class ReportStarts(BeaconDbContext db, ScreenAccess screens, CaseGate cases, CaseAccess caseAccess, AuditTrail audit, IHttpContextAccessor http)
{
    /// <summary>Finds the start asked for; a screen or case the user may not have is audited as refused (the gate audits cases).</summary>
    public async Task<ReportStart> FindAsync(Guid? screenId, Guid? caseId, CancellationToken ct)
    {
        var user = http.HttpContext!.User;
        if (screenId is { } sid)
        {
            if (caseId is not null)
            {
                return ReportStart.Missing; // one start at a time: a screen taken in by a case brings the case itself
            }

            var screen = await screens.FindAsync(sid, user, ct);
            if (screen is null)
            {
                await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Screen, sid.ToString(), AuditOutcome.Refused, "mandated-report", ct);
                return ReportStart.Missing;
            }

            await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Screen, sid.ToString(), AuditOutcome.Allowed, "mandated-report", ct);
            if (!ReportStart.IsReportable(screen))
            {
                return new ReportStart(true, screen, null, true);
            }

            var worksCase = false;
            if (screen.CaseId is { } linked && await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == linked, ct) is { } c)
            {
                worksCase = (await caseAccess.DecideAsync(user, c, ct)).CanWork;
            }

            return new ReportStart(true, screen, worksCase ? screen.CaseId : null, false);
        }

        if (caseId is { } cid)
        {
            if (await cases.OpenAsync(cid, CaseOperation.Work, ct) is null)
            {
                return ReportStart.Missing;
            }

            var latest = await db.SavedScreens.Include(s => s.Author)
                .Where(s => s.CaseId == cid && s.CompletedUtc != null && s.Level != ConcernLevel.None)
                .OrderByDescending(s => s.CompletedUtc).FirstOrDefaultAsync(ct);
            return new ReportStart(true, latest, cid, false);
        }

        return ReportStart.Neither;
    }
}

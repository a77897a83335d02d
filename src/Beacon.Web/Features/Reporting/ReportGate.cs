using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Reporting;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Reporting;

/// <summary>What a page wants to do with a report: read it, or change it (its reporter alone).</summary>
public enum ReportOperation
{
    Read = 0,
    Write = 1,
}

/// <summary>A report the user was allowed to open; <see cref="IsReporter"/> false means a supervisor reading it.</summary>
public sealed record OpenedReport(MandatedReport Report, ReportingLaw Law, bool IsReporter)
{
    public Guid Id => Report.Id;

    /// <summary>The written report as last saved; null before its first save.</summary>
    public WrittenReportDraft? Saved => Report.DraftJson is null ? null : WrittenReportDraft.FromJson(Report.DraftJson);

    /// <summary>Saved with every fact the law requires: it can be filed (sent).</summary>
    public bool IsComplete => Saved is { } draft && draft.MissingRequired(Law).Count == 0;
}

/// <summary>
/// The one door to a mandated report. It belongs to its reporter, who reads and changes it; the
/// supervisors of the agency it was made in, in the same county, read it (the clock they watch). Anyone
/// else, or a missing id, gets null: the page answers 404 and the refusal is audited. Every GET that
/// opens a report is audited as a view.
/// </summary>
public sealed class ReportGate(BeaconDbContext db, AuditTrail audit, IHttpContextAccessor http)
{
    public static bool IsReporter(ClaimsPrincipal user, MandatedReport report) => report.ReporterUserId == user.UserId();

    public static bool IsAgencySupervisor(ClaimsPrincipal user, MandatedReport report) =>
        IsAgencySupervisor(user, report.AgencyId, report.JurisdictionId);

    public static bool MayRead(ClaimsPrincipal user, MandatedReport report) =>
        MayRead(user, report.ReporterUserId, report.AgencyId, report.JurisdictionId);

    /// <summary>The same rule for a list's row, which holds only these columns.</summary>
    public static bool MayRead(ClaimsPrincipal user, Guid reporterId, Guid agencyId, string county) =>
        reporterId == user.UserId() || IsAgencySupervisor(user, agencyId, county);

    private static bool IsAgencySupervisor(ClaimsPrincipal user, Guid agencyId, string county) =>
        user.IsInRole(Roles.Supervisor) && agencyId == user.AgencyId() && county == user.CountyId();

    /// <summary>Opens the report for the operation; tracked, ready to change.</summary>
    public async Task<OpenedReport?> OpenAsync(Guid id, ReportOperation operation, CancellationToken ct = default)
    {
        var user = http.HttpContext!.User;
        var report = await db.MandatedReports.Include(r => r.Reporter).SingleOrDefaultAsync(r => r.Id == id, ct);
        var allowed = report is not null && (operation == ReportOperation.Write ? IsReporter(user, report) : MayRead(user, report));
        if (!allowed || ReportingLaw.Find(report!.LawId) is not { } law)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.MandatedReport, id.ToString(), AuditOutcome.Refused,
                operation.ToString().ToLowerInvariant(), ct);
            return null;
        }

        var opened = new OpenedReport(report, law, IsReporter(user, report));
        if (HttpMethods.IsGet(http.HttpContext.Request.Method))
        {
            await audit.WriteAsync(AuditAction.View, AuditRecordTypes.MandatedReport, id.ToString(), AuditOutcome.Allowed,
                opened.IsReporter ? null : "supervisor", ct);
        }

        return opened;
    }

    /// <summary>Records a change or an export of an opened report; <paramref name="what"/> is a fixed code, never typed text.</summary>
    public Task RecordAsync(AuditAction action, OpenedReport opened, string what, CancellationToken ct = default) =>
        audit.WriteAsync(action, AuditRecordTypes.MandatedReport, opened.Id.ToString(), AuditOutcome.Allowed,
            opened.IsReporter ? what : $"{what}; supervisor", ct);
}

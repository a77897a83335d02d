using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.Exports;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases.Queues;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Exports;

/// <summary>
/// <c>/cases/export</c>: the signed-in user's visible cases as CSV (every cell guarded against formula
/// injection by <see cref="Csv"/>), in the user's language. The youth's name only where the decision
/// shows identity; task figures only where it shows the whole case. Audited as an export of the caseload.
/// </summary>
public sealed class CaseloadModel(BeaconDbContext db, CaseAccess access, AuditTrail audit, TimeProvider clock, IStringLocalizer<QueueResource> q)
    : PageModel
{
    /// <summary>A bound on one download; a county's caseload is far below it.</summary>
    public const int ExportMax = 10_000;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cases = await access.VisibleCases(User).AsNoTracking().Include(c => c.Agency).Include(c => c.AssignedUser)
            .OrderBy(c => c.Status == CaseStatus.Closed).ThenBy(c => c.Status).ThenBy(c => c.OpenedUtc).ThenBy(c => c.Id)
            .Take(ExportMax).ToListAsync(ct);
        var rows = await CaseRows.ReadAsync(db, access, User, cases, ct);
        var ids = cases.Select(c => c.Id).ToList();
        var open = (await db.CaseTasks.AsNoTracking().Where(t => ids.Contains(t.CaseId) && t.DoneUtc == null)
                .Select(t => new { t.CaseId, t.DueDate }).ToListAsync(ct))
            .ToLookup(t => t.CaseId, t => t.DueDate);

        var file = Csv.File(
            [q["Csv.CaseId"], q["Csv.Youth"], q["Csv.Status"], q["Csv.Agency"], q["Csv.Caseworker"], q["Csv.Opened"], q["Csv.Closed"], q["Csv.OpenTasks"], q["Csv.NextDue"]],
            rows.Select(r =>
            {
                var tasks = r.Access.SeesWholeCase ? open[r.Id].ToList() : null;
                return new[]
                {
                    r.Id.ToString(),
                    r.YouthName ?? (r.YouthPurged ? q["Queue.YouthPurged"] : q["Queue.YouthNotShared"]),
                    q[$"CaseStatus.{r.Case.Status}"].Value,
                    r.Case.Agency?.Name,
                    r.Case.AssignedUser?.DisplayName,
                    Local(r.Case.OpenedUtc),
                    r.Case.ClosedUtc is { } closed ? Local(closed) : null,
                    tasks?.Count.ToString(CultureInfo.InvariantCulture),
                    tasks?.Where(d => d is not null).Min()?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
            }));

        await audit.WriteAsync(AuditAction.Export, AuditRecordTypes.Caseload, User.UserId().ToString(), AuditOutcome.Allowed,
            string.Create(CultureInfo.InvariantCulture, $"csv {rows.Count} cases"), ct);
        Response.Headers.CacheControl = "no-store";
        var date = PacificTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(file, "text/csv; charset=utf-8", $"caseload-{date}.csv");
    }

    /// <summary>California wall-clock time, sortable in a spreadsheet (the header names the zone).</summary>
    private static string Local(DateTime utc) => PacificTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

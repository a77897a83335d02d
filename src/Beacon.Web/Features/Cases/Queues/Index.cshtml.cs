using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Queues;

/// <summary>
/// <c>/cases</c>, the work queues: my cases (assigned or on the team), my tasks due within a week or
/// overdue, and for a supervisor the agency's overdue items (overdue tasks, cases without a
/// caseworker, emergency MDTs not held in the county's time). Every list starts from
/// <see cref="CaseAccess.VisibleCases"/>; the look is audited as a view of the user's caseload.
/// </summary>
public sealed class IndexModel(BeaconDbContext db, CaseAccess access, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int ListMax = 200;
    public const int DueWithinDays = 7;
    public const string NoticeKey = "QueueNotice";
    public const string NoticeCaseKey = "QueueNoticeCase";

    /// <summary>A task in a list, on a case of <see cref="Row"/>; its title is shown only to those who see the whole case.</summary>
    public sealed record TaskRow(CaseTask Task, CaseRow Row, string? Assignee, bool Overdue);

    /// <summary>A case whose emergency MDT was due by <see cref="DeadlineUtc"/> and has none.</summary>
    public sealed record MissedMdt(CaseRow Row, DateTime DeadlineUtc);

    public IReadOnlyList<CaseRow> MyCases { get; private set; } = [];
    public IReadOnlyList<TaskRow> TasksDue { get; private set; } = [];
    public bool IsSupervisor { get; private set; }
    public IReadOnlyList<TaskRow> TeamOverdueTasks { get; private set; } = [];
    public IReadOnlyList<CaseRow> Unassigned { get; private set; } = [];
    public IReadOnlyList<MissedMdt> MissedEmergencyMdts { get; private set; } = [];
    public int? EmergencyMdtHours { get; private set; }
    public Guid Me { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(PacificTime.FromUtc(now));
        Me = User.UserId();
        var me = Me;
        var visible = access.VisibleCases(User);

        var mine = await visible.AsNoTracking().Include(c => c.Agency).Include(c => c.AssignedUser)
            .Where(c => c.AssignedUserId == me || c.Members.Any(m => m.UserId == me && m.Kind == CaseMemberKind.Team))
            .OrderBy(c => c.Status == CaseStatus.Closed).ThenBy(c => c.Status).ThenBy(c => c.OpenedUtc)
            .Take(ListMax).ToListAsync(ct);
        MyCases = await CaseRows.ReadAsync(db, access, User, mine, ct);

        var horizon = today.AddDays(DueWithinDays);
        var due = await db.CaseTasks.AsNoTracking()
            .Where(t => t.AssignedUserId == me && t.DoneUtc == null && t.DueDate != null && t.DueDate <= horizon && visible.Any(c => c.Id == t.CaseId))
            .OrderBy(t => t.DueDate).Take(ListMax).ToListAsync(ct);
        TasksDue = await TaskRowsAsync(due, today, ct);

        IsSupervisor = User.IsInRole(Roles.Supervisor);
        if (IsSupervisor)
        {
            await LoadTeamOverdueAsync(visible, now, today, ct);
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Caseload, me.ToString(), AuditOutcome.Allowed, "queues", ct);
    }

    private async Task LoadTeamOverdueAsync(IQueryable<Case> visible, DateTime now, DateOnly today, CancellationToken ct)
    {
        var agency = User.AgencyId();
        var county = User.CountyId();
        var agencyOpen = visible.Where(c => c.AgencyId == agency && c.Status != CaseStatus.Closed);

        var overdue = await db.CaseTasks.AsNoTracking()
            .Where(t => t.DoneUtc == null && t.DueDate != null && t.DueDate < today && agencyOpen.Any(c => c.Id == t.CaseId))
            .OrderBy(t => t.DueDate).Take(ListMax).ToListAsync(ct);
        TeamOverdueTasks = await TaskRowsAsync(overdue, today, ct);

        var unassigned = await agencyOpen.AsNoTracking().Include(c => c.Agency)
            .Where(c => c.AssignedUserId == null).OrderBy(c => c.OpenedUtc).Take(ListMax).ToListAsync(ct);
        Unassigned = await CaseRows.ReadAsync(db, access, User, unassigned, ct);

        EmergencyMdtHours = await db.Jurisdictions.Where(j => j.Id == county).Select(j => j.EmergencyMdtHours).SingleOrDefaultAsync(ct);
        if (EmergencyMdtHours is { } hours)
        {
            // Every case of the agency is in the supervisor's county, so one county setting applies to all.
            var cutoff = now.AddHours(-hours);
            var missed = await agencyOpen.AsNoTracking().Include(c => c.Agency).Include(c => c.AssignedUser)
                .Where(c => c.OpenedUtc < cutoff && !db.MdtMeetings.Any(m => m.CaseId == c.Id && m.Kind == MdtMeetingKind.Emergency))
                .OrderBy(c => c.OpenedUtc).Take(ListMax).ToListAsync(ct);
            MissedEmergencyMdts = (await CaseRows.ReadAsync(db, access, User, missed, ct))
                .Select(r => new MissedMdt(r, r.Case.OpenedUtc.AddHours(hours))).ToList();
        }
    }

    private async Task<IReadOnlyList<TaskRow>> TaskRowsAsync(IReadOnlyList<CaseTask> tasks, DateOnly today, CancellationToken ct)
    {
        var caseIds = tasks.Select(t => t.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Agency).Include(c => c.AssignedUser)
            .Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        var rows = (await CaseRows.ReadAsync(db, access, User, cases, ct)).ToDictionary(r => r.Id);
        var assigneeIds = tasks.Where(t => t.AssignedUserId != null).Select(t => t.AssignedUserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return tasks.Where(t => rows.ContainsKey(t.CaseId))
            .Select(t => new TaskRow(t, rows[t.CaseId], t.AssignedUserId is { } a ? names.GetValueOrDefault(a) : null, t.DueDate < today))
            .ToList();
    }
}

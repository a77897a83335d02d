using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.Exports;
using Beacon.Core.Training;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Training.Roster;

/// <summary>
/// Who in an agency passed which course, when, and when it must be renewed; with a CSV of the same rows.
/// Staff records: every view and export is audited, and an agency outside the reader's reach is not found.
/// </summary>
public sealed class IndexModel(
    BeaconDbContext db, TrainingRecords records, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<TrainingResource> text, IStringLocalizer<SharedResource> shared) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    public IReadOnlyList<RosterAgency> Agencies { get; private set; } = [];
    public RosterAgency? Current { get; private set; }
    public IReadOnlyList<Course> Courses { get; private set; } = [];
    public IReadOnlyList<RosterRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(AuditAction.View, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(AuditAction.Export, ct))
        {
            return NotFound();
        }

        static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var header = new List<string> { text["Roster.Name"], text["Roster.Roles"] };
        foreach (var course in Courses)
        {
            header.AddRange([text["Roster.CsvPassed", course.Title], text["Roster.CsvRenewBy", course.Title], text["Roster.CsvState", course.Title]]);
        }

        var rows = Rows.Select(r => (IEnumerable<string?>)[
            r.Name, string.Join("; ", r.Roles.Select(role => shared["Role." + role].Value)),
            .. r.Courses.SelectMany(s => new[] { Date(s.Latest is { } l ? TrainingStanding.Day(l.PassedUtc) : null), Date(s.RenewBy), StateText(s) })]);
        return File(Csv.File(header, rows), "text/csv; charset=utf-8", $"training-roster-{Date(TrainingStanding.Day(clock.GetUtcNow().UtcDateTime))}.csv");
    }

    public string StateText(CourseStanding s) => text[s.Required && s.State == TrainingState.NotTaken ? "State.RequiredNotTaken" : "State." + s.State];

    private async Task<bool> LoadAsync(AuditAction action, CancellationToken ct)
    {
        Agencies = await RosterScope.AllowedAsync(db, User, Localization.Language == "es", ct);
        var own = User.AgencyId();
        Current = Agency is { } asked ? Agencies.FirstOrDefault(a => a.Id == asked)
            : Agencies.FirstOrDefault(a => a.Id == own) ?? Agencies.FirstOrDefault();
        if (Current is null)
        {
            if (Agency is not null)
            {
                await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.TrainingRoster, Agency.Value.ToString(), AuditOutcome.Refused, ct: ct);
                return false;
            }

            return true; // nothing in reach: the page says so
        }

        Courses = records.Library.InLanguage(Localization.Language);
        Rows = await records.RosterAsync(Current.Id, Localization.Language, ct);
        await audit.WriteAsync(action, AuditRecordTypes.TrainingRoster, Current.Id.ToString(), AuditOutcome.Allowed, ct: ct);
        return true;
    }
}

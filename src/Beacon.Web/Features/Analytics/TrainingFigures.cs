using Beacon.Core.Analytics;
using Beacon.Core.Training;
using Beacon.Data;
using Beacon.Web.Features.Learn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// Training completion by agency at the end of a period: for each agency, how many of its staff held a
/// certificate of each course that was earned by then and not yet lapsed, beside how many staff it had.
/// These are counts of staff, not of youth, so they are shown in full and are not part of the suppressed
/// release (ADR-012); the trainer's roster already names the people.
/// </summary>
public sealed class TrainingFigures(BeaconDbContext db, LearnContent content)
{
    public const string TableId = "training-by-agency";

    /// <param name="county">A county id, or <see cref="FigureFamily.All"/>.</param>
    public async Task<FigureTable?> ByAgencyAsync(
        string county, Guid? agency, DateTime endUtc, string language, IStringLocalizer<AnalyticsResource> g, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => !a.Jurisdiction!.IsNational && (county == FigureFamily.All || a.JurisdictionId == county) && (agency == null || a.Id == agency))
            .Select(a => new { a.Id, a.Name, a.Jurisdiction!.NameEn, a.Jurisdiction.NameEs, a.Jurisdiction.TrainingRenewalMonths })
            .ToListAsync(ct);
        var ids = agencies.Select(a => a.Id).ToList();
        var staff = (await db.Users.AsNoTracking().Where(u => ids.Contains(u.AgencyId) && !u.IsDisabled && u.CreatedUtc < endUtc)
            .Select(u => new { u.Id, u.AgencyId }).ToListAsync(ct)).ToDictionary(u => u.Id, u => u.AgencyId);
        var earned = await db.TrainingCertificates.AsNoTracking()
            .Where(c => c.PassedUtc < endUtc && ids.Contains(c.User!.AgencyId))
            .GroupBy(c => new { c.UserId, c.CourseSlug })
            .Select(x => new { x.Key.UserId, x.Key.CourseSlug, Last = x.Max(c => c.PassedUtc) })
            .ToListAsync(ct);
        var courses = content.Training.InLanguage(language);
        var rows = agencies
            .Where(a => staff.ContainsValue(a.Id))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a =>
            {
                var members = staff.Where(s => s.Value == a.Id).Select(s => s.Key).ToHashSet();
                // Standing on the period's last moment: its last California day.
                var current = courses.Select(c => (long)earned.Count(e => e.CourseSlug == c.Slug && members.Contains(e.UserId)
                    && TrainingStanding.State(e.Last, a.TrainingRenewalMonths, endUtc.AddTicks(-1)) != TrainingState.Expired));
                var label = county == FigureFamily.All ? $"{a.Name} ({(language == "es" ? a.NameEs : a.NameEn)})" : a.Name;
                return new FigureRow(label, [.. current.Append(members.Count).Select(n => FigureValue.Count(Disclosure.Shown, n))]);
            })
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        return new FigureTable(TableId, g["Table.Training"], g["Column.Agency"], [.. courses.Select(c => c.Title), g["Column.Staff"]],
            rows, FigureChart.Bar, g["Note.Training"]) { LastColumnIsTotal = true };
    }
}

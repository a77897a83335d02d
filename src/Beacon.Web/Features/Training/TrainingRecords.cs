using Beacon.Core.Training;
using Beacon.Data;
using Beacon.Data.Entities;
using System.Security.Claims;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Training;

/// <summary>Where one person stands on one course: their latest pass, its renewal date and state.</summary>
/// <param name="RenewBy">The last California date the latest pass counts.</param>
public sealed record CourseStanding(Course Course, TrainingCertificate? Latest, TrainingState State, DateOnly? RenewBy, bool Required)
{
    public bool NeedsReminder => TrainingStanding.NeedsReminder(State, Required);
}

/// <summary>A staff member on an agency's roster, with their standing on every course.</summary>
public sealed record RosterRow(Guid UserId, string Name, IReadOnlyList<string> Roles, IReadOnlyList<CourseStanding> Courses);

/// <summary>
/// Reads the training records: a learner's standing (their page, the reminders on the staff home) and an
/// agency's roster. Renewal dates come from the county's setting as it is now, so changing it moves
/// every renewal date at once.
/// </summary>
public sealed class TrainingRecords(BeaconDbContext db, LearnContent content, TimeProvider clock)
{
    public TrainingLibrary Library => content.Training;

    /// <summary>The signed-in staff member's standing on every course, in the page's language.</summary>
    public Task<IReadOnlyList<CourseStanding>> StandingAsync(ClaimsPrincipal user, CancellationToken ct) =>
        StandingAsync(user.UserId(), Core.Accounts.Roles.All.Where(user.IsInRole).ToList(), Localization.Language, ct);

    public async Task<IReadOnlyList<CourseStanding>> StandingAsync(Guid userId, IReadOnlyCollection<string> roles, string language, CancellationToken ct)
    {
        var months = await db.Users.Where(u => u.Id == userId).Select(u => u.Agency!.Jurisdiction!.TrainingRenewalMonths).SingleAsync(ct);
        var certificates = await db.TrainingCertificates.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
        return Standings(certificates, roles, language, months);
    }

    /// <summary>The agency's active staff, by name, each with their standing on every course.</summary>
    public async Task<IReadOnlyList<RosterRow>> RosterAsync(Guid agencyId, string language, CancellationToken ct)
    {
        var months = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Jurisdiction!.TrainingRenewalMonths).SingleAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where u.AgencyId == agencyId
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var certificates = (await db.TrainingCertificates.AsNoTracking()
                .Where(c => db.Users.Any(u => u.Id == c.UserId && u.AgencyId == agencyId)).ToListAsync(ct))
            .ToLookup(c => c.UserId);
        return staff
            .Select(u =>
            {
                var userRoles = Core.Accounts.Roles.All.Where(r => roles[u.Id].Contains(r)).ToList();
                return new RosterRow(u.Id, u.DisplayName, userRoles, Standings(certificates[u.Id], userRoles, language, months));
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    private List<CourseStanding> Standings(IEnumerable<TrainingCertificate> certificates, IReadOnlyCollection<string> roles, string language, int months)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = certificates.GroupBy(c => c.CourseSlug).ToDictionary(g => g.Key, g => g.MaxBy(c => c.PassedUtc)!);
        return content.Training.InLanguage(language).Select(course =>
        {
            var last = latest.GetValueOrDefault(course.Slug);
            var required = course.RequiredFor.Any(roles.Contains);
            return new CourseStanding(course, last, TrainingStanding.State(last?.PassedUtc, months, now),
                last is null ? null : TrainingStanding.RenewBy(last.PassedUtc, months), required);
        }).ToList();
    }
}

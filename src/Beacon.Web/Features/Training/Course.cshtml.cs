using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Training;

/// <summary>A course's lessons and quiz; for a staff member, their standing, attempts and certificates.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Beacon.Web.Infrastructure.PublicPageCache.PolicyName)]
public sealed class CourseModel(LearnContent content, TrainingRecords records, BeaconDbContext db) : CoursePageModel(content)
{
    public const int AttemptsShown = 10;

    public CourseStanding? Standing { get; private set; }
    public IReadOnlyList<QuizAttempt> Attempts { get; private set; } = [];
    public IReadOnlyList<TrainingCertificate> Certificates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string course, CancellationToken ct)
    {
        if (Open(course) is { } refusal)
        {
            return refusal;
        }

        if (LearnerId is { } id)
        {
            Standing = (await records.StandingAsync(User, ct)).Single(s => s.Course.Slug == Course.Slug);
            Attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == id && a.CourseSlug == Course.Slug)
                .OrderByDescending(a => a.SubmittedUtc).Take(AttemptsShown).ToListAsync(ct);
            Certificates = await db.TrainingCertificates.AsNoTracking().Where(c => c.UserId == id && c.CourseSlug == Course.Slug)
                .OrderByDescending(c => c.PassedUtc).ToListAsync(ct);
        }

        return Page();
    }
}

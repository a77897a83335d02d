using Beacon.Core.Training;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Training;

/// <summary>A staff member's marked attempt, and the certificate it earned when it passed.</summary>
public sealed record SavedAttempt(QuizAttempt Attempt, TrainingCertificate? Certificate);

/// <summary>Stores a staff member's marked attempt, with its certificate when it passed, in one save.</summary>
public sealed class QuizMarking(BeaconDbContext db, TimeProvider clock)
{
    /// <summary>The stored attempt, or null when this drawn quiz was marked before (a second submit, a refresh).</summary>
    public async Task<SavedAttempt?> SaveAsync(Guid userId, Guid attemptId, Course course, QuizResult result, CancellationToken ct)
    {
        if (await db.QuizAttempts.AnyAsync(a => a.Id == attemptId, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = new QuizAttempt
        {
            Id = attemptId, UserId = userId, CourseSlug = course.Slug, Language = course.Language, SubmittedUtc = now,
            Correct = result.Correct, Total = result.Total, PassMark = result.PassMark, Passed = result.Passed,
        };
        db.QuizAttempts.Add(attempt);
        TrainingCertificate? certificate = null;
        if (result.Passed)
        {
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
            certificate = new TrainingCertificate
            {
                UserId = userId, AttemptId = attemptId, CourseSlug = course.Slug, LearnerName = name, PassedUtc = now,
                Code = CertificateCode.New(),
            };
            db.TrainingCertificates.Add(certificate);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.QuizAttempts.AnyAsync(a => a.Id == attemptId, ct))
            {
                return null; // the same form submitted twice at once: the other request stored it
            }

            throw;
        }

        return new SavedAttempt(attempt, certificate);
    }
}

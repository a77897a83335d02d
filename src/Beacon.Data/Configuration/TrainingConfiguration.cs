using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Data.Configuration;

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.CourseSlug).HasMaxLength(QuizAttempt.CourseSlugMax);
        b.Property(a => a.Language).HasMaxLength(2);
        b.HasIndex(a => new { a.UserId, a.CourseSlug, a.SubmittedUtc });
    }
}

internal sealed class TrainingCertificateConfiguration : IEntityTypeConfiguration<TrainingCertificate>
{
    public void Configure(EntityTypeBuilder<TrainingCertificate> b)
    {
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Attempt).WithOne().HasForeignKey<TrainingCertificate>(c => c.AttemptId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.CourseSlug).HasMaxLength(QuizAttempt.CourseSlugMax);
        b.Property(c => c.LearnerName).HasMaxLength(200);
        b.Property(c => c.Code).HasMaxLength(TrainingCertificate.CodeMax);
        b.HasIndex(c => c.Code).IsUnique();
        // A learner's latest pass of each course (their standing, the roster).
        b.HasIndex(c => new { c.UserId, c.CourseSlug, c.PassedUtc });
    }
}

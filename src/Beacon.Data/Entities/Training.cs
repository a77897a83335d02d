namespace Beacon.Data.Entities;

/// <summary>
/// A staff member's marked quiz attempt. Its id is the one drawn with the questions, so one drawn quiz is
/// marked once; the answers themselves are not kept, only the score.
/// </summary>
public class QuizAttempt
{
    public const int CourseSlugMax = 64;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public BeaconUser? User { get; set; }
    public required string CourseSlug { get; set; }
    /// <summary>"en" or "es": the language the learner took it in.</summary>
    public required string Language { get; set; }
    public DateTime SubmittedUtc { get; set; }
    public int Correct { get; set; }
    public int Total { get; set; }
    /// <summary>The course's pass mark when it was marked (the content may change it later).</summary>
    public int PassMark { get; set; }
    public bool Passed { get; set; }
}

/// <summary>
/// Issued with every passed attempt. <see cref="LearnerName"/> is the name as it was then, because the
/// certificate printed then must verify as printed. How long it counts is the county's renewal period,
/// read when it is shown, not stored here.
/// </summary>
public class TrainingCertificate
{
    public const int CodeMax = 19;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public BeaconUser? User { get; set; }
    public Guid AttemptId { get; set; }
    public QuizAttempt? Attempt { get; set; }
    public required string CourseSlug { get; set; }
    public required string LearnerName { get; set; }
    public DateTime PassedUtc { get; set; }
    /// <summary>The verification code as printed (Beacon.Core.Training.CertificateCode).</summary>
    public required string Code { get; set; }
}

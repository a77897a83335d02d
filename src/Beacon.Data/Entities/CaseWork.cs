using Beacon.Data.Encryption;

namespace Beacon.Data.Entities;

/// <summary>A note on a case. Editing adds a <see cref="CaseNoteVersion"/>; earlier text is kept.</summary>
public class CaseNote
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    public Guid AuthorId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<CaseNoteVersion> Versions { get; set; } = [];
}

public class CaseNoteVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NoteId { get; set; }
    public CaseNote? Note { get; set; }
    public int Number { get; set; }
    [Encrypted] public required string Text { get; set; }
    public Guid EditedByUserId { get; set; }
    public DateTime EditedUtc { get; set; }
}

/// <summary>Something to do on a case by a date; an MDT decision's action items become tasks.</summary>
public class CaseTask
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    [Encrypted] public required string Title { get; set; }
    public DateOnly? DueDate { get; set; }
    public Guid? AssignedUserId { get; set; }
    public Guid? SourceMeetingId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DoneUtc { get; set; }
}

/// <summary>The youth's safety plan: one per case, replaced as a whole, with who changed it last.</summary>
public class SafetyPlan
{
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    [Encrypted] public required string Text { get; set; }
    public Guid UpdatedByUserId { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public enum ServiceKind
{
    Housing = 0,
    Health = 1,
    MentalHealth = 2,
    Advocacy = 3,
    Education = 4,
    Legal = 5,
}

public enum ServiceStatus
{
    Planned = 0,
    Active = 1,
    Completed = 2,
    Declined = 3,
}

/// <summary>A service the youth is offered or receives, and the agency that provides it.</summary>
public class CaseService
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    public ServiceKind Kind { get; set; }
    public Guid? ProviderAgencyId { get; set; }
    public Agency? ProviderAgency { get; set; }
    public ServiceStatus Status { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>
    /// When the service ended (first marked completed or declined), kept through later edits so that the task-force
    /// figures count it in one month (ADR-011); cleared if it is set going again.
    /// </summary>
    public DateTime? EndedUtc { get; set; }

    public static bool IsEnded(ServiceStatus status) => status is ServiceStatus.Completed or ServiceStatus.Declined;

    /// <summary>Sets the status at <paramref name="nowUtc"/>, starting or clearing the end time as the status ends or resumes.</summary>
    public void SetStatus(ServiceStatus status, DateTime nowUtc)
    {
        Status = status;
        UpdatedUtc = nowUtc;
        EndedUtc = IsEnded(status) ? EndedUtc ?? nowUtc : null;
    }
}

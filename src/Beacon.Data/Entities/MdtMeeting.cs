using Beacon.Data.Encryption;

namespace Beacon.Data.Entities;

public enum MdtMeetingKind
{
    Emergency = 0,
    Ongoing = 1,
}

/// <summary>
/// A multidisciplinary team meeting about a case. Invitees are <see cref="CaseMember"/> rows of kind
/// MDT invitee (their access ends with the invitation); attendance is recorded per invitee here.
/// </summary>
public class MdtMeeting
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    public MdtMeetingKind Kind { get; set; }
    public DateTime ScheduledUtc { get; set; }
    public string? Location { get; set; }
    [Encrypted] public string? Decisions { get; set; }
    public DateTime? HeldUtc { get; set; }
    public Guid ScheduledByUserId { get; set; }
    public List<MdtAttendance> Attendance { get; set; } = [];
}

public class MdtAttendance
{
    public Guid MeetingId { get; set; }
    public MdtMeeting? Meeting { get; set; }
    public Guid UserId { get; set; }
    public bool Attended { get; set; }
}

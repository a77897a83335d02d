using Beacon.Core.Screening;
using Beacon.Data.Encryption;

namespace Beacon.Data.Entities;

/// <summary>Where an intake item came from.</summary>
public enum IntakeSource
{
    /// <summary>An anonymous tip from the public form.</summary>
    Tip = 0,
    /// <summary>A staff member's finished screen with a <c>possible</c> or <c>clear</c> level.</summary>
    Screen = 1,
    /// <summary>A referral a staff member logged from a phone call.</summary>
    Call = 2,
}

/// <summary>An intake item's place in triage. Closing is a status: nothing in the queue is ever deleted.</summary>
public enum IntakeStatus
{
    New = 0,
    Assigned = 1,
    /// <summary>Linked to a youth record and case; the case's need-to-know takes over from there.</summary>
    Linked = 2,
    Closed = 3,
}

/// <summary>Why triage closed an item without a case.</summary>
public enum IntakeCloseReason
{
    NotCsec = 0,
    NotEnoughInformation = 1,
    Duplicate = 2,
    OtherCounty = 3,
    HandledElsewhere = 4,
    Other = 5,
}

/// <summary>
/// One item in a county's intake queue: a tip, a staff screen or a logged call, with its triage. The
/// source's own record (the tip, the screen) stays where it is; a logged call's details live here,
/// encrypted, since they may name a child. Every triage action is audited (record type IntakeItem).
/// </summary>
public class IntakeItem
{
    public const int ShortMax = 100;
    public const int SummaryMax = 4000;
    public const int NoteMax = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public IntakeSource Source { get; set; }
    /// <summary>When the tip arrived, the screen was finished, or the call was taken (which may be before it was logged).</summary>
    public DateTime ReceivedUtc { get; set; }
    /// <summary>The concern level: the screen's, the highest of a tip's screens, or the logging staff member's; null until screened.</summary>
    public ConcernLevel? Level { get; set; }

    public Guid? TipId { get; set; }
    public Tip? Tip { get; set; }
    public Guid? ScreenId { get; set; }
    public SavedScreen? Screen { get; set; }

    // A logged call: who called and what they said.
    [Encrypted] public string? CallerName { get; set; }
    /// <summary>The caller's role or agency, in their words ("school nurse", "Salinas PD").</summary>
    [Encrypted] public string? CallerRole { get; set; }
    [Encrypted] public string? CallerPhone { get; set; }
    [Encrypted] public string? Summary { get; set; }
    /// <summary>Who logged the call (calls only).</summary>
    public Guid? LoggedByUserId { get; set; }

    public IntakeStatus Status { get; set; }
    public Guid? AssignedUserId { get; set; }
    public BeaconUser? AssignedUser { get; set; }
    public DateTime? AssignedUtc { get; set; }
    public Guid? YouthId { get; set; }
    public Youth? Youth { get; set; }
    public Guid? CaseId { get; set; }
    public Case? Case { get; set; }
    public IntakeCloseReason? CloseReason { get; set; }
    [Encrypted] public string? CloseNote { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public Guid? ClosedByUserId { get; set; }
    /// <summary>When it arrived or was last triaged: an open item untouched past the county's triage time is flagged to supervisors.</summary>
    public DateTime LastActionUtc { get; set; }
    public Guid Stamp { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is IntakeStatus.New or IntakeStatus.Assigned;

    /// <summary>The queue item of a tip just received: new, not yet screened.</summary>
    public static IntakeItem ForTip(Tip tip) => new()
    {
        JurisdictionId = tip.JurisdictionId,
        Source = IntakeSource.Tip,
        Tip = tip,
        TipId = tip.Id,
        ReceivedUtc = tip.ReceivedUtc,
        LastActionUtc = tip.ReceivedUtc,
    };
}

using Beacon.Data.Encryption;

namespace Beacon.Data.Entities;

/// <summary>A case's place in the county protocol; moves are recorded with their reason.</summary>
public enum CaseStatus
{
    Open = 0,
    Screening = 1,
    Mdt = 2,
    Services = 3,
    Closed = 4,
}

/// <summary>
/// One episode of work with a youth: owned by an agency of the youth's county, assigned to a
/// caseworker. Who may see it is decided by role, scope and relationship (ADR-009), the last held in
/// <see cref="Members"/>, accepted referrals and break-the-glass grants.
/// </summary>
public class Case
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid YouthId { get; set; }
    public Youth? Youth { get; set; }
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public Guid? AssignedUserId { get; set; }
    public BeaconUser? AssignedUser { get; set; }
    public CaseStatus Status { get; set; }
    public DateTime OpenedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public List<CaseStatusChange> StatusChanges { get; set; } = [];
    public List<CaseMember> Members { get; set; } = [];
    public Guid Stamp { get; set; } = Guid.NewGuid();
}

/// <summary>A move of a case's status, with who, when and why (the reason may name the youth, so it is encrypted).</summary>
public class CaseStatusChange
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public CaseStatus From { get; set; }
    public CaseStatus To { get; set; }
    [Encrypted] public string? Reason { get; set; }
    public Guid ByUserId { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum CaseMemberKind
{
    /// <summary>On the case's team (besides the assigned caseworker).</summary>
    Team = 0,
    /// <summary>Invited to the case's MDT: sees the case only until <see cref="CaseMember.AccessEndsUtc"/>.</summary>
    MdtInvitee = 1,
}

/// <summary>A staff member's relationship to a case.</summary>
public class CaseMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    public Guid UserId { get; set; }
    public BeaconUser? User { get; set; }
    public CaseMemberKind Kind { get; set; }
    public DateTime AddedUtc { get; set; }
    public DateTime? AccessEndsUtc { get; set; }
}

/// <summary>
/// A supervisor's access to a case outside their scope, with the reason they gave (encrypted: it may
/// name the youth). Time-limited, audited, shown to the case's owner and to administrators.
/// </summary>
public class BreakGlassGrant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    public Guid UserId { get; set; }
    [Encrypted] public required string Reason { get; set; }
    public DateTime GrantedUtc { get; set; }
    public DateTime EndsUtc { get; set; }
}

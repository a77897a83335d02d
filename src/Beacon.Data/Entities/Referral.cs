using Beacon.Data.Encryption;

namespace Beacon.Data.Entities;

public enum ReferralStatus
{
    Requested = 0,
    Accepted = 1,
    Declined = 2,
    Done = 3,
}

/// <summary>Why sharing is allowed: the youth's or a guardian's consent, or a legal basis named in <see cref="Referral.LegalBasis"/>.</summary>
public enum ConsentBasis
{
    YouthConsent = 0,
    GuardianConsent = 1,
    LegalBasis = 2,
}

/// <summary>What a referral lets the receiving agency see; nothing else of the case is shown to it.</summary>
[Flags]
public enum SharedParts
{
    None = 0,
    Identity = 1,
    Screens = 2,
    Notes = 4,
    Services = 8,
    SafetyPlan = 16,
}

/// <summary>A request from one agency of the county to another about a case, with the basis for sharing.</summary>
public class Referral
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
    public Guid FromAgencyId { get; set; }
    public Guid ToAgencyId { get; set; }
    public Agency? ToAgency { get; set; }
    [Encrypted] public required string Request { get; set; }
    public ConsentBasis Basis { get; set; }
    /// <summary>The statute or order relied on when sharing without consent (e.g. a Welfare and Institutions Code section).</summary>
    public string? LegalBasis { get; set; }
    public SharedParts Shares { get; set; }
    public ReferralStatus Status { get; set; }
    public Guid RequestedByUserId { get; set; }
    public DateTime RequestedUtc { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTime? DecidedUtc { get; set; }
    [Encrypted] public string? DeclineReason { get; set; }
}

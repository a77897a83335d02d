namespace Beacon.Data.Entities;

public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}

/// <summary>
/// A member of the public's place at a task force event. The registrant manages it through a personal
/// link whose token is shown once; only the token's SHA-256 is stored.
/// </summary>
public class EventRegistration
{
    public const int NameMax = 200;
    public const int EmailMax = 254;
    public const int OrganisationMax = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public TaskForceEvent? Event { get; set; }
    public required string Name { get; set; }
    /// <summary>Trimmed and lower-cased, so that one address registers once per event whatever its capitals.</summary>
    public required string Email { get; set; }
    public required string Organisation { get; set; }
    public DateTime RegisteredUtc { get; set; }
    public RegistrationStatus Status { get; set; }
    public required string CancelTokenHash { get; set; }
    public DateTime? CancelledUtc { get; set; }
}

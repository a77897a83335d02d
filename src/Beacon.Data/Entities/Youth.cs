using Beacon.Data.Encryption;

namespace Beacon.Data.Entities;

/// <summary>
/// The minimum to identify and serve a youth. Every identifying field is encrypted at rest; the
/// duplicate check compares <see cref="IdentityIndex"/> (an HMAC of the normalised name and date of
/// birth), never decrypted values. After the retention period the identifying fields are emptied
/// and <see cref="PurgedUtc"/> set; the row stays so that de-identified figures still add up.
/// </summary>
public class Youth
{
    public const int NameMax = 100;
    public const int ShortMax = 40;
    public const int TextMax = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    [Encrypted] public required string LegalName { get; set; }
    [Encrypted] public string? PreferredName { get; set; }
    /// <summary>Often unknown at first for an exploited youth, so optional.</summary>
    [Encrypted] public DateOnly? DateOfBirth { get; set; }
    [Encrypted] public string? Pronouns { get; set; }
    /// <summary>The language to speak with the youth ("en", "es" or another name); not identifying on its own.</summary>
    public string? Language { get; set; }
    [Encrypted] public string? School { get; set; }
    /// <summary>Where the youth lives or is placed.</summary>
    [Encrypted] public string? Placement { get; set; }
    [Encrypted] public string? Phone { get; set; }
    public string? IdentityIndex { get; set; }
    public List<GuardianContact> Guardians { get; set; } = [];
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? PurgedUtc { get; set; }
    public Guid Stamp { get; set; } = Guid.NewGuid();
}

/// <summary>A parent, guardian or caregiver to contact about the youth; encrypted like the youth's own fields.</summary>
public class GuardianContact
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid YouthId { get; set; }
    public Youth? Youth { get; set; }
    [Encrypted] public required string Name { get; set; }
    [Encrypted] public string? Relationship { get; set; }
    [Encrypted] public string? Phone { get; set; }
}

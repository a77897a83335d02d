namespace Beacon.Data.Entities;

/// <summary>An organisation in a jurisdiction (child welfare, probation, a school district...).</summary>
public class Agency
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public required string Name { get; set; }
    /// <summary>Its part in the county's response, in its own words (e.g. "Child welfare").</summary>
    public string? Role { get; set; }
    public string? PublicContact { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Listed, with its role and public contact, on the county's public task force page.</summary>
    public bool ShowOnTaskForcePage { get; set; }
    /// <summary>Its staff (in the county's triage roles) triage the county's intake queue; when no agency of the county is marked, every agency's do.</summary>
    public bool TriagesIntake { get; set; }
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}

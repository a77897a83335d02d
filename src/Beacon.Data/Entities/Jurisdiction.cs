namespace Beacon.Data.Entities;

/// <summary>The staff roles that may triage a county's intake queue.</summary>
[Flags]
public enum TriageRoles
{
    None = 0,
    Caseworker = 1,
    Supervisor = 2,
}

/// <summary>A county: it owns its hotlines, agencies and (later) its intake queue and cases.</summary>
public class Jurisdiction
{
    /// <summary>Stable kebab-case code, e.g. "placer"; also the key.</summary>
    public required string Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameEs { get; set; }
    public required string State { get; set; }
    /// <summary>The national row holds the contacts that apply everywhere (911, national hotline).</summary>
    public bool IsNational { get; set; }
    /// <summary>The county protocol's limit for an emergency MDT after a youth is identified; null until an administrator sets it.</summary>
    public int? EmergencyMdtHours { get; set; }
    /// <summary>How long a youth's personal data is kept after their last case closes; null keeps it until set.</summary>
    public int? RetentionDays { get; set; }
    /// <summary>Hours an intake item may wait untouched before it is flagged to supervisors; null until an administrator sets it.</summary>
    public int? TriageHours { get; set; }
    /// <summary>The roles that triage the intake queue (the agencies are marked on each <see cref="Agency"/>).</summary>
    public TriageRoles TriageRoles { get; set; } = TriageRoles.Caseworker | TriageRoles.Supervisor;
    /// <summary>Months a passed training course counts before it must be renewed (annual unless the county sets another).</summary>
    public int TrainingRenewalMonths { get; set; } = 12;
    public List<Contact> Contacts { get; set; } = [];
    public List<Agency> Agencies { get; set; } = [];

    public string Name(string language) => language == "es" ? NameEs : NameEn;
}

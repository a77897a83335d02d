namespace Beacon.Data.Entities;

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
    public List<Contact> Contacts { get; set; } = [];
    public List<Agency> Agencies { get; set; } = [];

    public string Name(string language) => language == "es" ? NameEs : NameEn;
}

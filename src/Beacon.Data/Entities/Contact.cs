using Beacon.Core.Jurisdictions;

namespace Beacon.Data.Entities;

/// <summary>A phone, text or web contact of a jurisdiction, with the source that vouches for it.</summary>
public class Contact
{
    public required string Id { get; set; }
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public ContactKind Kind { get; set; }
    public required string NameEn { get; set; }
    public required string NameEs { get; set; }
    public string? HoursEn { get; set; }
    public string? HoursEs { get; set; }
    public string? Phone { get; set; }
    public string? PhoneDisplay { get; set; }
    public string? AltPhone { get; set; }
    public string? AltPhoneDisplay { get; set; }
    public string? SmsNumber { get; set; }
    public string? SmsKeyword { get; set; }
    public string? SmsDisplay { get; set; }
    public string? Url { get; set; }
    public required string SourceTitle { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceSeed { get; set; }

    public string Name(string language) => language == "es" ? NameEs : NameEn;
    public string? Hours(string language) => language == "es" ? HoursEs : HoursEn;
}

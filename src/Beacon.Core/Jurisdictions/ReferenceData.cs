namespace Beacon.Core.Jurisdictions;

/// <summary>What a contact is for; the help bar and "where to report" order by this.</summary>
public enum ContactKind
{
    Emergency = 0,
    ChildWelfareHotline = 1,
    LawEnforcement = 2,
    NationalTraffickingHotline = 3,
    CyberTipline = 4,
    TaskForce = 5,
}

/// <summary>A text in English and Spanish.</summary>
public sealed record LocalizedText(string En, string Es)
{
    public string For(string twoLetterLanguage) =>
        string.Equals(twoLetterLanguage, "es", StringComparison.OrdinalIgnoreCase) ? Es : En;
}

/// <summary>Where a fact came from: a seed document or a public page.</summary>
public sealed record SourceRef(string Title, string? Url, string? Seed);

/// <summary>A phone, text or web contact, as shipped in <c>content/jurisdictions/*.json</c>.</summary>
public sealed record ContactData(
    string Id,
    ContactKind Kind,
    LocalizedText Name,
    LocalizedText? Hours,
    string? Phone,
    string? PhoneDisplay,
    string? AltPhone,
    string? AltPhoneDisplay,
    string? SmsNumber,
    string? SmsKeyword,
    string? SmsDisplay,
    string? Url,
    SourceRef Source);

/// <summary>A county (or the national set when <see cref="IsNational"/>) and its contacts.</summary>
public sealed record JurisdictionData(
    string Id,
    LocalizedText Name,
    string State,
    bool IsNational,
    IReadOnlyList<ContactData> Contacts);

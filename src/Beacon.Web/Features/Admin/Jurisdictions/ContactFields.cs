using System.Text.RegularExpressions;
using Beacon.Core.Jurisdictions;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>A contact as typed. Every contact cites a source, since every fact Beacon shows must.</summary>
public sealed class ContactInput
{
    public string? Kind { get; set; }
    public string? NameEn { get; set; }
    public string? NameEs { get; set; }
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
    public string? SourceTitle { get; set; }
    public string? SourceUrl { get; set; }

    public static ContactInput From(Contact c) => new()
    {
        Kind = c.Kind.ToString(), NameEn = c.NameEn, NameEs = c.NameEs, HoursEn = c.HoursEn, HoursEs = c.HoursEs,
        Phone = c.Phone, PhoneDisplay = c.PhoneDisplay, AltPhone = c.AltPhone, AltPhoneDisplay = c.AltPhoneDisplay,
        SmsNumber = c.SmsNumber, SmsKeyword = c.SmsKeyword, SmsDisplay = c.SmsDisplay, Url = c.Url,
        SourceTitle = c.SourceTitle, SourceUrl = c.SourceUrl,
    };
}

/// <summary>The checked contact, ready to copy onto the entity.</summary>
public sealed record ContactValues(
    ContactKind Kind, string NameEn, string NameEs, string? HoursEn, string? HoursEs,
    string? Phone, string? PhoneDisplay, string? AltPhone, string? AltPhoneDisplay,
    string? SmsNumber, string? SmsKeyword, string? SmsDisplay, string? Url, string SourceTitle, string? SourceUrl)
{
    public static ContactValues Of(Contact c) => new(
        c.Kind, c.NameEn, c.NameEs, c.HoursEn, c.HoursEs, c.Phone, c.PhoneDisplay, c.AltPhone, c.AltPhoneDisplay,
        c.SmsNumber, c.SmsKeyword, c.SmsDisplay, c.Url, c.SourceTitle, c.SourceUrl);

    /// <summary>Copies the values; true when anything changed.</summary>
    public bool ApplyTo(Contact c)
    {
        var changed = Of(c) != this;
        (c.Kind, c.NameEn, c.NameEs, c.HoursEn, c.HoursEs) = (Kind, NameEn, NameEs, HoursEn, HoursEs);
        (c.Phone, c.PhoneDisplay, c.AltPhone, c.AltPhoneDisplay) = (Phone, PhoneDisplay, AltPhone, AltPhoneDisplay);
        (c.SmsNumber, c.SmsKeyword, c.SmsDisplay, c.Url) = (SmsNumber, SmsKeyword, SmsDisplay, Url);
        (c.SourceTitle, c.SourceUrl) = (SourceTitle, SourceUrl);
        return changed;
    }
}

public static partial class ContactFields
{
    public const int NameMax = 300;
    public const int ShortMax = 64;
    public const int UrlMax = 500;

    /// <summary>Kinds the help bar shows as a number to call, so they cannot be saved without one.</summary>
    private static readonly ContactKind[] NeedPhone =
        [ContactKind.Emergency, ContactKind.ChildWelfareHotline, ContactKind.NationalTraffickingHotline];

    public static ContactValues? Check(ContactInput i, FormCheck check)
    {
        var kind = Enum.GetNames<ContactKind>().Contains(i.Kind) ? Enum.Parse<ContactKind>(i.Kind!) : (ContactKind?)null;
        if (kind is null)
        {
            check.Fail("Input.Kind", "Field.Kind", string.IsNullOrEmpty(i.Kind) ? "Validation.ChooseRequired" : "Validation.Choose");
        }

        var nameEn = check.Text("Input.NameEn", "Field.ContactNameEn", i.NameEn, NameMax, required: true);
        var nameEs = check.Text("Input.NameEs", "Field.ContactNameEs", i.NameEs, NameMax, required: true);
        var hoursEn = check.Text("Input.HoursEn", "Field.HoursEn", i.HoursEn, ShortMax, required: false);
        var hoursEs = check.Text("Input.HoursEs", "Field.HoursEs", i.HoursEs, ShortMax, required: false);
        var phone = check.Phone("Input.Phone", "Field.Phone", i.Phone, required: kind is { } k && NeedPhone.Contains(k));
        var phoneDisplay = Display(check, "Input.PhoneDisplay", "Field.PhoneDisplay", i.PhoneDisplay, i.Phone, "Field.Phone");
        var alt = check.Phone("Input.AltPhone", "Field.AltPhone", i.AltPhone, required: false);
        var altDisplay = Display(check, "Input.AltPhoneDisplay", "Field.AltPhoneDisplay", i.AltPhoneDisplay, i.AltPhone, "Field.AltPhone");
        var sms = check.Phone("Input.SmsNumber", "Field.SmsNumber", i.SmsNumber, required: false);
        var keyword = check.Matching("Input.SmsKeyword", "Field.SmsKeyword", i.SmsKeyword, ShortMax, required: false,
            KeywordPattern(), "Validation.Keyword");
        if (keyword is not null && string.IsNullOrWhiteSpace(i.SmsNumber))
        {
            check.Fail("Input.SmsKeyword", "Field.SmsKeyword", "Validation.DisplayWithoutNumber", check.Label("Field.SmsNumber"));
        }

        var smsDisplay = Display(check, "Input.SmsDisplay", "Field.SmsDisplay", i.SmsDisplay, i.SmsNumber, "Field.SmsNumber");
        var url = check.WebAddress("Input.Url", "Field.Url", i.Url, required: false);
        var sourceTitle = check.Text("Input.SourceTitle", "Field.SourceTitle", i.SourceTitle, NameMax, required: true);
        var sourceUrl = check.WebAddress("Input.SourceUrl", "Field.SourceUrl", i.SourceUrl, required: false);
        if (check.IsValid && phone is null && sms is null && url is null)
        {
            check.Fail("Input.Phone", "Field.Phone", "Validation.NoWayToReach");
        }

        return check.IsValid
            ? new ContactValues(kind!.Value, nameEn!, nameEs!, hoursEn, hoursEs, phone, phoneDisplay ?? phone, alt, altDisplay ?? alt,
                sms, keyword, smsDisplay ?? sms, url, sourceTitle!, sourceUrl)
            : null;
    }

    /// <summary>How a number is written for people; it needs the number it stands for.</summary>
    private static string? Display(FormCheck check, string key, string labelKey, string? value, string? number, string numberLabelKey)
    {
        var text = check.Text(key, labelKey, value, ShortMax, required: false);
        if (text is not null && string.IsNullOrWhiteSpace(number))
        {
            check.Fail(key, labelKey, "Validation.DisplayWithoutNumber", check.Label(numberLabelKey));
        }

        return text;
    }

    /// <summary>A contact id from its county and kind, e.g. "placer-child-welfare", unique among <paramref name="taken"/>.</summary>
    public static string NewId(string jurisdictionId, ContactKind kind, IReadOnlyCollection<string> taken)
    {
        var slug = kind switch
        {
            ContactKind.ChildWelfareHotline => "child-welfare",
            ContactKind.LawEnforcement => "law-enforcement",
            ContactKind.NationalTraffickingHotline => "trafficking-hotline",
            ContactKind.TaskForce => "task-force",
            _ => kind.ToString().ToLowerInvariant(),
        };
        var id = $"{jurisdictionId}-{slug}";
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{jurisdictionId}-{slug}-{n}";
        }

        return id;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPattern();
}

using System.Globalization;
using Beacon.Core.Jurisdictions;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>What the reporter types about their phone call; the time is California wall-clock time.</summary>
public sealed class PhoneReportInput
{
    public const string OtherAgency = "other";

    /// <summary>A directory contact's id, or <see cref="OtherAgency"/>.</summary>
    public string? Agency { get; set; }
    public string? OtherName { get; set; }
    /// <summary>When the reporter received the information: the written report's hours run from it.</summary>
    public string? Learned { get; set; }
    public string? Phoned { get; set; }
    public string? TakenBy { get; set; }
    public string? Reference { get; set; }
}

/// <summary>The phone report as checked: the agency called (a directory contact or a typed name) and the call.</summary>
public sealed record PhoneReport(Contact? Contact, string Agency, DateTime LearnedUtc, DateTime PhonedUtc, string TakenBy, string? Reference);

/// <summary>
/// Checks a phone report form: each error names its field and says what to do, and nothing comes back
/// unless every field is right (so nothing is half-saved).
/// </summary>
public sealed class PhoneReportCheck(ModelStateDictionary state, IStringLocalizer<SharedResource> shared, IStringLocalizer<ReportingResource> m)
{
    // What a datetime-local field sends, and what a person types where the browser shows a plain text box.
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>How the form shows a time: California wall-clock time to the minute, as a datetime-local field takes it.</summary>
    public static string FieldValue(DateTime utc) => PacificTime.FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public PhoneReport? Check(PhoneReportInput input, IReadOnlyList<Contact> directory, DateTime nowUtc, string language)
    {
        Contact? contact = null;
        string? agency = null;
        if (input.Agency == PhoneReportInput.OtherAgency)
        {
            agency = Text("Input.OtherName", "Phone.Field.OtherName", input.OtherName, MandatedReport.AgencyNameMax);
        }
        else if ((contact = directory.FirstOrDefault(c => c.Id == input.Agency)) is not null)
        {
            agency = contact.Name(language);
        }
        else
        {
            state.AddModelError("Input.Agency", m["Phone.Error.Agency", m["Phone.Field.Agency"]]);
        }

        // Both start or bound the legal clock: an hour that happens twice in autumn is read as the earlier one.
        var learned = Time("Input.Learned", "Phone.Field.Learned", input.Learned, nowUtc, earlierWhenAmbiguous: true);
        var phoned = Time("Input.Phoned", "Phone.Field.Phoned", input.Phoned, nowUtc, earlierWhenAmbiguous: true);
        if (learned > phoned)
        {
            state.AddModelError("Input.Learned", m["Phone.Error.LearnedAfterCall", m["Phone.Field.Learned"]]);
        }

        var takenBy = Text("Input.TakenBy", "Phone.Field.TakenBy", input.TakenBy, MandatedReport.ShortMax);
        var reference = Text("Input.Reference", "Phone.Field.Reference", input.Reference, MandatedReport.ShortMax, required: false);
        return state.IsValid ? new PhoneReport(contact, agency!, learned!.Value, phoned!.Value, takenBy!, reference) : null;
    }

    /// <summary>A California local time typed in a form, as UTC; null with an error naming the field when missing, malformed, skipped or in the future.</summary>
    public DateTime? Time(string key, string labelKey, string? value, DateTime nowUtc, bool earlierWhenAmbiguous = false)
    {
        var text = Text(key, labelKey, value, 32);
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            state.AddModelError(key, m["Error.DateTime", m[labelKey]]);
            return null;
        }

        if (!PacificTime.TryToUtc(local, out var utc, earlierWhenAmbiguous))
        {
            state.AddModelError(key, m["Error.SkippedTime", m[labelKey]]);
            return null;
        }

        if (utc > nowUtc)
        {
            state.AddModelError(key, m["Error.Future", m[labelKey]]);
            return null;
        }

        return utc;
    }

    public string? Text(string key, string labelKey, string? value, int max, bool required = true)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            state.AddModelError(key, shared["Validation.Required", m[labelKey]]);
        }
        else if (text is not null && text.Length > max)
        {
            state.AddModelError(key, shared["Validation.TooLong", m[labelKey], max]);
            return null;
        }

        return text;
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Referrals;

/// <summary>
/// Server-side checks for the referral and meeting forms: each message starts with the field's name
/// and says what to do; values come back trimmed, null when empty or wrong.
/// </summary>
public sealed class SharingCheck(ModelStateDictionary state, IStringLocalizer<SharedResource> shared, IStringLocalizer<SharingResource> r)
{
    public bool IsValid => state.IsValid;

    public string? Text(string key, string labelKey, string? value, int max, bool required = true)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            state.AddModelError(key, shared["Validation.Required", r[labelKey]]);
        }
        else if (text is not null && text.Length > max)
        {
            state.AddModelError(key, shared["Validation.TooLong", r[labelKey], max]);
            return null;
        }

        return text;
    }

    /// <summary>Adds an error whose message (from SharingResource) starts with the field's name.</summary>
    public void Fail(string key, string labelKey, string reasonKey, params object[] args) =>
        state.AddModelError(key, r[reasonKey, [r[labelKey].Value, .. args]]);
}

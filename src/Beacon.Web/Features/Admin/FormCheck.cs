using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin;

/// <summary>
/// Server-side checks for the admin forms. Each message names the field and the reason in the
/// visitor's language. Data-annotation attributes are not used here because their messages are
/// looked up in SharedResource only, which does not hold the administration's field names.
/// Every method trims what was typed and returns null for an empty value.
/// </summary>
public sealed partial class FormCheck(
    ModelStateDictionary state, IStringLocalizer<SharedResource> shared, IStringLocalizer<AdminResource> admin)
{
    public bool IsValid => state.IsValid;

    /// <summary>A field's name: the administration's own, else the shared one (Field.Email, Field.Agency...).</summary>
    public string Label(string labelKey)
    {
        var own = admin[labelKey];
        return own.ResourceNotFound ? shared[labelKey] : own;
    }

    public string? Text(string key, string labelKey, string? value, int max, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required)
            {
                state.AddModelError(key, shared["Validation.Required", Label(labelKey)]);
            }
        }
        else if (text.Length > max)
        {
            state.AddModelError(key, shared["Validation.TooLong", Label(labelKey), max]);
            return null;
        }

        return text;
    }

    /// <summary>A number for a tel: or sms: link: digits only, with an optional leading +.</summary>
    public string? Phone(string key, string labelKey, string? value, bool required) =>
        Matching(key, labelKey, value, 17, required, PhonePattern(), "Validation.Phone");

    /// <summary>An absolute http or https address; anything else (javascript:, data:) could run in a link.</summary>
    public string? WebAddress(string key, string labelKey, string? value, bool required)
    {
        var text = Text(key, labelKey, value, 500, required);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            Fail(key, labelKey, "Validation.Url");
            return null;
        }

        return text;
    }

    public string? Matching(string key, string labelKey, string? value, int max, bool required, Regex pattern, string reasonKey)
    {
        var text = Text(key, labelKey, value, max, required);
        if (text is not null && !pattern.IsMatch(text))
        {
            Fail(key, labelKey, reasonKey);
            return null;
        }

        return text;
    }

    /// <summary>Adds an error whose message (from AdminResource) starts with the field's name.</summary>
    public void Fail(string key, string labelKey, string reasonKey, params object[] args) =>
        state.AddModelError(key, admin[reasonKey, [Label(labelKey), .. args]]);

    [GeneratedRegex(@"^\+?[0-9]{3,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// Server-side checks for the task force forms, in the manner of the admin's FormCheck: each message
/// starts with the field's name (from TaskForceResource) and says what to do; values come back trimmed,
/// null when empty or wrong, and the form keeps what was typed.
/// </summary>
public sealed partial class FieldCheck(
    ModelStateDictionary state, IStringLocalizer<SharedResource> shared, IStringLocalizer<TaskForceResource> f)
{
    public bool IsValid => state.IsValid;

    public string Label(string labelKey) => f[labelKey];

    public string? Text(string key, string labelKey, string? value, int max, bool required = true)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            state.AddModelError(key, shared["Validation.Required", Label(labelKey)]);
        }
        else if (text is not null && text.Length > max)
        {
            state.AddModelError(key, f["Validation.TooLong", Label(labelKey), max, text.Length]);
            return null;
        }

        return text;
    }

    /// <summary>An address with one @ and a dot in its domain, lower-cased so that capitals never make a second registration.</summary>
    public string? Email(string key, string labelKey, string? value, int max)
    {
        var text = Text(key, labelKey, value, max);
        if (text is not null && !EmailPattern().IsMatch(text))
        {
            state.AddModelError(key, shared["Validation.Email", Label(labelKey)]);
            return null;
        }

        return text?.ToLowerInvariant();
    }

    public int? Number(string key, string labelKey, string? value, int min, int max)
    {
        var text = Text(key, labelKey, value, 12);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Fail(key, labelKey, "Validation.Number", min, max);
            return null;
        }

        return number;
    }

    /// <summary>Adds an error whose message (from TaskForceResource) starts with the field's name.</summary>
    public void Fail(string key, string labelKey, string reasonKey, params object[] args) =>
        state.AddModelError(key, f[reasonKey, [Label(labelKey), .. args]]);

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}

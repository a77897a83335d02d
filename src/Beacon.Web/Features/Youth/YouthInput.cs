using System.Globalization;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// The youth record's form, shared by the new and edit pages: what was typed (kept as typed when the
/// page comes back with errors), its checks, and how it is written onto the entity.
/// </summary>
public sealed class YouthInput
{
    public const int MaxGuardians = 3;
    /// <summary>A date of birth further back than this is a typing mistake for a youth record, not a youth.</summary>
    public const int OldestAgeYears = 30;
    public const string OtherLanguage = "other";
    public static readonly IReadOnlyList<string> KnownLanguages = ["en", "es"];

    public string? LegalName { get; set; }
    public string? PreferredName { get; set; }
    /// <summary>As the date field sends it (yyyy-MM-dd), parsed by <see cref="Validate"/>.</summary>
    public string? DateOfBirth { get; set; }
    public string? Pronouns { get; set; }
    /// <summary>"en", "es", <see cref="OtherLanguage"/> (then <see cref="LanguageName"/>) or empty when not known.</summary>
    public string? Language { get; set; }
    public string? LanguageName { get; set; }
    public string? School { get; set; }
    public string? Placement { get; set; }
    public string? Phone { get; set; }
    public List<GuardianInput> Guardians { get; set; } = [];

    public DateOnly? ParsedDateOfBirth => ParseDate(DateOfBirth);

    public static YouthInput From(Youth y)
    {
        var known = y.Language is null || KnownLanguages.Contains(y.Language);
        var input = new YouthInput
        {
            LegalName = y.LegalName, PreferredName = y.PreferredName,
            DateOfBirth = y.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Pronouns = y.Pronouns, Language = known ? y.Language : OtherLanguage, LanguageName = known ? null : y.Language,
            School = y.School, Placement = y.Placement, Phone = y.Phone,
            Guardians = y.Guardians.Select(g => new GuardianInput { Name = g.Name, Relationship = g.Relationship, Phone = g.Phone }).ToList(),
        };
        return input.WithEmptySlots();
    }

    /// <summary>Pads the guardian rows to <see cref="MaxGuardians"/>, so the form always offers every slot.</summary>
    public YouthInput WithEmptySlots()
    {
        while (Guardians.Count < MaxGuardians)
        {
            Guardians.Add(new GuardianInput());
        }

        return this;
    }

    /// <summary>Adds an error naming the field for everything wrong; <paramref name="prefix"/> is the bound property's name.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer y, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(LegalName))
        {
            state.AddModelError($"{prefix}.{nameof(LegalName)}", y["Youth.Error.LegalNameRequired"]);
        }

        CheckLength(state, prefix, nameof(LegalName), LegalName, Youth.NameMax, y);
        CheckLength(state, prefix, nameof(PreferredName), PreferredName, Youth.NameMax, y);
        CheckLength(state, prefix, nameof(Pronouns), Pronouns, Youth.ShortMax, y);
        CheckLength(state, prefix, nameof(School), School, Youth.TextMax, y);
        CheckLength(state, prefix, nameof(Placement), Placement, Youth.TextMax, y);
        CheckLength(state, prefix, nameof(Phone), Phone, Youth.ShortMax, y);
        CheckLength(state, prefix, nameof(LanguageName), LanguageName, Youth.ShortMax, y);
        CheckDate(state, $"{prefix}.{nameof(DateOfBirth)}", y, today);

        if (Language == OtherLanguage && string.IsNullOrWhiteSpace(LanguageName))
        {
            state.AddModelError($"{prefix}.{nameof(LanguageName)}", y["Youth.Error.LanguageNameRequired"]);
        }
        else if (!string.IsNullOrEmpty(Language) && Language != OtherLanguage && !KnownLanguages.Contains(Language))
        {
            state.AddModelError($"{prefix}.{nameof(Language)}", y["Youth.Error.LanguageUnknown"]);
        }

        if (Guardians.Count > MaxGuardians)
        {
            state.AddModelError($"{prefix}.{nameof(Guardians)}", y["Youth.Error.TooManyGuardians", MaxGuardians]);
            return;
        }

        for (var i = 0; i < Guardians.Count; i++)
        {
            var g = Guardians[i];
            var key = $"{prefix}.{nameof(Guardians)}[{i}]";
            if (g.IsEmpty)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(g.Name))
            {
                state.AddModelError($"{key}.{nameof(GuardianInput.Name)}", y["Youth.Error.GuardianNameRequired", i + 1]);
            }

            CheckLength(state, key, nameof(GuardianInput.Name), g.Name, Youth.NameMax, y, i + 1);
            CheckLength(state, key, nameof(GuardianInput.Relationship), g.Relationship, Youth.ShortMax, y, i + 1);
            CheckLength(state, key, nameof(GuardianInput.Phone), g.Phone, Youth.ShortMax, y, i + 1);
        }
    }

    /// <summary>Writes the (valid) input onto the record; the guardians are replaced by the form's rows.</summary>
    public void ApplyTo(Youth youth)
    {
        youth.LegalName = Clean(LegalName)!;
        youth.PreferredName = Clean(PreferredName);
        youth.DateOfBirth = ParsedDateOfBirth;
        youth.Pronouns = Clean(Pronouns);
        youth.Language = Language == OtherLanguage ? Clean(LanguageName) : Clean(Language);
        youth.School = Clean(School);
        youth.Placement = Clean(Placement);
        youth.Phone = Clean(Phone);
        youth.Guardians = Guardians.Where(g => !g.IsEmpty)
            .Select(g => new GuardianContact { Name = Clean(g.Name)!, Relationship = Clean(g.Relationship), Phone = Clean(g.Phone) })
            .ToList();
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private void CheckDate(ModelStateDictionary state, string key, IStringLocalizer y, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(DateOfBirth))
        {
            return;
        }

        if (ParsedDateOfBirth is not { } date)
        {
            state.AddModelError(key, y["Youth.Error.DateOfBirthFormat"]);
        }
        else if (date > today)
        {
            state.AddModelError(key, y["Youth.Error.DateOfBirthFuture"]);
        }
        else if (date < today.AddYears(-OldestAgeYears))
        {
            state.AddModelError(key, y["Youth.Error.DateOfBirthTooOld", OldestAgeYears]);
        }
    }

    private static void CheckLength(
        ModelStateDictionary state, string prefix, string field, string? value, int max, IStringLocalizer y, int? guardian = null)
    {
        var length = value?.Trim().Length ?? 0;
        if (length > max)
        {
            var label = guardian is { } n ? y["Guardian.Field." + field, n] : y["Youth.Field." + field];
            state.AddModelError($"{prefix}.{field}", y["Youth.Error.TooLong", label, max, length]);
        }
    }
}

/// <summary>One guardian contact's row on the form; a row left blank is not saved.</summary>
public sealed class GuardianInput
{
    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public string? Phone { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Relationship) && string.IsNullOrWhiteSpace(Phone);
}

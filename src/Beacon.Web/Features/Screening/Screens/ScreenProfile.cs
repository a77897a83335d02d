using System.Text.Json;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>
/// The "about the youth" part of the staff screen: reads it from the form (a value outside the lists is an error
/// on its field), from a saved screen, and writes it onto one. A finished screen keeps platforms only when it rates
/// online contact possible or clear; a draft keeps them as given, since the rating may come later.
/// </summary>
public static class ScreenProfile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The posted profile; its errors are added to the model state under the field's name (with no model state, as
    /// on Dismiss, a value outside the lists is dropped and reported when the screen is saved).
    /// </summary>
    public static YouthProfile Read(IFormCollection form, ModelStateDictionary? errors, IStringLocalizer<ScreeningResource> s)
    {
        var read = YouthProfile.Read(form[YouthProfile.AgeField].ToString(), form[YouthProfile.GenderField].ToString(), form[YouthProfile.PlatformsField]);
        foreach (var field in read.Errors)
        {
            errors?.AddModelError(field, s["Profile.Error." + field]);
        }

        return read.Profile;
    }

    public static YouthProfile Load(SavedScreen screen) => new(screen.AgeBand, screen.Gender, ReadPlatforms(screen.PlatformsJson));

    public static IReadOnlyList<string> ReadPlatforms(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize<List<string>>(json, Json) ?? []).Where(OnlinePlatforms.IsKnown).ToList();

    public static void Write(SavedScreen screen, YouthProfile profile, IReadOnlyDictionary<string, int?> answers, bool finish)
    {
        var kept = finish ? profile.ForFinished(answers) : profile;
        screen.AgeBand = kept.AgeBand;
        screen.Gender = kept.Gender;
        screen.PlatformsJson = kept.Platforms.Count == 0 ? null : JsonSerializer.Serialize(kept.Platforms, Json);
    }
}

using System.Globalization;
using Beacon.Core.Screening;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Intake;

/// <summary>What intake staff type when they log a call, and its checks: each error names its field and says what to do.</summary>
public sealed class CallInput
{
    /// <summary>What a datetime-local field sends, and what a person types where the browser shows a plain text box.</summary>
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>A phone number needs at least this many digits (a local number without its area code has 7).</summary>
    public const int PhoneDigitsMin = 7;

    public string? CallerName { get; set; }
    public string? CallerRole { get; set; }
    public string? CallerPhone { get; set; }
    /// <summary>When the call was taken, California wall-clock time.</summary>
    public string? Taken { get; set; }
    public string? Summary { get; set; }
    /// <summary>A <see cref="ConcernLevel"/> name, or empty when the caller's concern was not weighed.</summary>
    public string? Level { get; set; }

    /// <summary>The checked values, or null with every error in <paramref name="state"/>: nothing is saved half-done.</summary>
    public CheckedCall? Check(ModelStateDictionary state, IStringLocalizer<IntakeResource> i, DateTime nowUtc)
    {
        var name = Text(state, i, nameof(CallerName), CallerName, IntakeItem.ShortMax, required: false);
        var role = Text(state, i, nameof(CallerRole), CallerRole, IntakeItem.ShortMax, required: false);
        var phone = Text(state, i, nameof(CallerPhone), CallerPhone, IntakeItem.ShortMax, required: false);
        if (phone is not null && (phone.Any(c => !char.IsAsciiDigit(c) && !" +-().x".Contains(c, StringComparison.Ordinal)) ||
                                  phone.Count(char.IsAsciiDigit) < PhoneDigitsMin))
        {
            state.AddModelError(Key(nameof(CallerPhone)), i["Call.Error.Phone", PhoneDigitsMin]);
        }

        var taken = TakenUtc(state, i, nowUtc);
        var summary = Text(state, i, nameof(Summary), Summary, IntakeItem.SummaryMax, required: true);
        ConcernLevel? level = null;
        if (!string.IsNullOrEmpty(Level))
        {
            if (Enum.TryParse<ConcernLevel>(Level, out var parsed) && Enum.IsDefined(parsed))
            {
                level = parsed;
            }
            else
            {
                state.AddModelError(Key(nameof(Level)), i["Call.Error.Level"]);
            }
        }

        return state.IsValid ? new CheckedCall(name, role, phone, taken!.Value, summary!, level) : null;
    }

    private DateTime? TakenUtc(ModelStateDictionary state, IStringLocalizer<IntakeResource> i, DateTime nowUtc)
    {
        var key = Key(nameof(Taken));
        var text = Text(state, i, nameof(Taken), Taken, 32, required: true);
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            state.AddModelError(key, i["Call.Error.TakenFormat"]);
            return null;
        }

        if (!PacificTime.TryToUtc(local, out var utc))
        {
            state.AddModelError(key, i["Call.Error.TakenSkipped"]);
            return null;
        }

        if (utc > nowUtc)
        {
            state.AddModelError(key, i["Call.Error.TakenFuture"]);
            return null;
        }

        return utc;
    }

    private static string? Text(ModelStateDictionary state, IStringLocalizer<IntakeResource> i, string field, string? value, int max, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            state.AddModelError(Key(field), i["Error.Required", i["Call.Field." + field]]);
        }
        else if (text is { Length: var length } && length > max)
        {
            state.AddModelError(Key(field), i["Error.TooLong", i["Call.Field." + field], max, length]);
            return null;
        }

        return text;
    }

    private static string Key(string field) => "Input." + field;
}

/// <summary>A logged call that passed every check.</summary>
public sealed record CheckedCall(string? CallerName, string? CallerRole, string? CallerPhone, DateTime TakenUtc, string Summary, ConcernLevel? Level);

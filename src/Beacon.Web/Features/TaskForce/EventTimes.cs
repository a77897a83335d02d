using System.Globalization;
using Beacon.Core.TaskForce;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// An event's time as people in the county read it: California time, in the visitor's language,
/// with the zone named, because a visitor's own device may be set to another zone.
/// </summary>
public static class EventTimes
{
    /// <summary>The value of a datetime-local field: California wall-clock time.</summary>
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static string Describe(DateTime startsUtc, DateTime endsUtc, IStringLocalizer<TaskForceResource> f)
    {
        var culture = CultureInfo.CurrentCulture;
        var starts = PacificTime.FromUtc(startsUtc);
        var ends = PacificTime.FromUtc(endsUtc);
        var range = starts.Date == ends.Date
            ? $"{starts.ToString("D", culture)}, {starts.ToString("t", culture)} – {ends.ToString("t", culture)}"
            : $"{starts.ToString("D", culture)}, {starts.ToString("t", culture)} – {ends.ToString("D", culture)}, {ends.ToString("t", culture)}";
        var zone = PacificTime.Abbreviation(startsUtc);
        var endZone = PacificTime.Abbreviation(endsUtc);
        // Only an event that spans a clock change needs both abbreviations.
        return $"{range} {f["Time.Pacific", zone == endZone ? zone : $"{zone}/{endZone}"]}";
    }

    public static string ToInput(DateTime utc) => PacificTime.FromUtc(utc).ToString(InputFormat, CultureInfo.InvariantCulture);
}

using Beacon.Core.Reporting;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// A clock reading in words, for the report page, the lists and the case: a status that carries the
/// meaning in text (colour only repeats it), the hours in a sentence, and the style of the state.
/// </summary>
public sealed record ClockText(ClockReading Reading, string Status, string Detail, string CssClass)
{
    public static ClockText Of(ClockReading reading, IStringLocalizer<ReportingResource> m)
    {
        var overdue = reading.HoursOverdue;
        return reading.State switch
        {
            ClockState.Overdue => new(reading, m["Clock.Overdue"], overdue switch
            {
                0 => m["Clock.OverdueUnderHour"],
                1 => m["Clock.OverdueOneHour"],
                _ => m["Clock.OverdueHours", overdue],
            }, "clock-overdue"),
            ClockState.Stopped when reading.SentInTime => new(reading, m["Clock.SentOnTime"], m["Clock.SentOnTimeDetail"], "clock-sent"),
            ClockState.Stopped => new(reading, m["Clock.SentLate"], overdue switch
            {
                0 => m["Clock.SentLateUnderHour"],
                1 => m["Clock.SentLateOneHour"],
                _ => m["Clock.SentLateHours", overdue],
            }, "clock-late"),
            _ => new(reading, reading.State == ClockState.DueSoon ? m["Clock.DueSoon"] : m["Clock.Running"], reading.HoursLeft switch
            {
                0 => m["Clock.UnderHourLeft"],
                1 => m["Clock.OneHourLeft"],
                var hours => m["Clock.HoursLeft", hours],
            }, reading.State == ClockState.DueSoon ? "clock-due-soon" : "clock-running"),
        };
    }
}

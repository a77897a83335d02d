namespace Beacon.Core.Reporting;

/// <summary>
/// A jurisdiction's deadline for the written report that follows a mandated reporter's phone report:
/// elapsed hours, not calendar days (California: 36 hours, Penal Code § 11166(a)). Jurisdiction data,
/// so that another state's rule is a new value, not new code.
/// </summary>
public sealed record WrittenReportRule(string Jurisdiction, int Hours, string Citation)
{
    public static readonly WrittenReportRule California = new("CA", 36, "Penal Code § 11166(a)");
}

public enum ClockState
{
    /// <summary>Time left, more than <see cref="WrittenReportClock.DueSoon"/>.</summary>
    Running = 0,
    /// <summary>Due within <see cref="WrittenReportClock.DueSoon"/>: the reporter and supervisor are warned.</summary>
    DueSoon = 1,
    /// <summary>Past the deadline and the written report not yet sent.</summary>
    Overdue = 2,
    /// <summary>The written report was recorded as sent: the clock stopped, on time or late.</summary>
    Stopped = 3,
}

/// <summary>What the clock says at one instant. <see cref="Remaining"/> is negative once overdue, and frozen when stopped.</summary>
public sealed record ClockReading(ClockState State, DateTime DueUtc, TimeSpan Remaining, DateTime? SentUtc)
{
    /// <summary>True when the written report was sent by the deadline.</summary>
    public bool SentInTime => SentUtc is { } sent && sent <= DueUtc;

    /// <summary>Whole hours left, rounded down (0 in the last hour); negative whole hours once overdue.</summary>
    public int HoursLeft => (int)Math.Floor(Remaining.TotalHours);

    /// <summary>Whole hours past the deadline, rounded down (0 in the first hour, and when not past it); for a late send, how late it was.</summary>
    public int HoursOverdue => Remaining < TimeSpan.Zero ? (int)Math.Floor(-Remaining.TotalHours) : 0;
}

/// <summary>
/// The written-report clock. Everything is in UTC and in elapsed time, so a daylight-saving change
/// between the phone call and the deadline moves the deadline's wall-clock time, never its length;
/// the pages show the due time in California time with its zone named.
/// </summary>
public static class WrittenReportClock
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(6);

    public static DateTime DueUtc(DateTime phonedUtc, WrittenReportRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Utc(phonedUtc, nameof(phonedUtc)).AddHours(rule.Hours);
    }

    /// <summary>Reads the clock at <paramref name="clock"/>'s now: running, due soon, overdue, or stopped at <paramref name="sentUtc"/>.</summary>
    public static ClockReading Read(DateTime phonedUtc, DateTime? sentUtc, WrittenReportRule rule, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var due = DueUtc(phonedUtc, rule);
        if (sentUtc is { } sent)
        {
            sent = Utc(sent, nameof(sentUtc));
            if (sent < phonedUtc)
            {
                throw new ArgumentException("A written report cannot be sent before the phone report it follows.", nameof(sentUtc));
            }

            return new ClockReading(ClockState.Stopped, due, due - sent, sent);
        }

        var remaining = due - clock.GetUtcNow().UtcDateTime;
        var state = remaining < TimeSpan.Zero ? ClockState.Overdue : remaining <= DueSoon ? ClockState.DueSoon : ClockState.Running;
        return new ClockReading(state, due, remaining, null);
    }

    private static DateTime Utc(DateTime value, string name) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        // Stored times come back from the database unspecified; Beacon stores UTC only.
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException("Times are UTC; convert a local time at the page that reads it.", name),
    };
}

using Beacon.Core.TaskForce;

namespace Beacon.Core.Training;

/// <summary>Where a person stands on one course.</summary>
public enum TrainingState
{
    /// <summary>Never passed.</summary>
    NotTaken = 0,
    Current = 1,
    /// <summary>Passed, and the renewal date is near (<see cref="TrainingStanding.ReminderDays"/>, or half the period if shorter).</summary>
    DueSoon = 2,
    Expired = 3,
}

/// <summary>
/// A pass counts through the same California date in the month the county's renewal period later (12 months
/// unless the county sets another): passed on January 15, renew by January 15 next year, lapsed from the 16th.
/// Dates, not instants, so the date a person is shown is the day it lapses after, whatever the hour they passed.
/// The reminder starts 30 days before (half the period, for a county that renews more often than every two months).
/// </summary>
public static class TrainingStanding
{
    public const int DefaultRenewalMonths = 12, MinRenewalMonths = 1, MaxRenewalMonths = 60;
    public const int ReminderDays = 30;

    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(PacificTime.FromUtc(utc));

    /// <summary>The last California date on which a pass earned at <paramref name="passedUtc"/> counts.</summary>
    public static DateOnly RenewBy(DateTime passedUtc, int renewalMonths) => Day(passedUtc).AddMonths(renewalMonths);

    public static TrainingState State(DateTime? lastPassedUtc, int renewalMonths, DateTime nowUtc)
    {
        if (lastPassedUtc is not { } passed)
        {
            return TrainingState.NotTaken;
        }

        var renewBy = RenewBy(passed, renewalMonths);
        var today = Day(nowUtc);
        var window = Math.Min(ReminderDays, (renewBy.DayNumber - Day(passed).DayNumber) / 2);
        return today > renewBy ? TrainingState.Expired
            : today >= renewBy.AddDays(-window) ? TrainingState.DueSoon
            : TrainingState.Current;
    }

    /// <summary>Whether a staff member should be reminded: the course is due or lapsed, or required of one of their roles and never passed.</summary>
    public static bool NeedsReminder(TrainingState state, bool required) =>
        state is TrainingState.DueSoon or TrainingState.Expired || (required && state == TrainingState.NotTaken);
}

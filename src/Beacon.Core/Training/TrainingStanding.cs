namespace Beacon.Core.Training;

/// <summary>Where a person stands on one course.</summary>
public enum TrainingState
{
    /// <summary>Never passed.</summary>
    NotTaken = 0,
    Current = 1,
    /// <summary>Passed, and the renewal falls within <see cref="TrainingStanding.ReminderDays"/>.</summary>
    DueSoon = 2,
    Expired = 3,
}

/// <summary>
/// A pass is good for the county's renewal period (12 months unless the county sets another), counted
/// from the day it was earned; the reminder starts 30 days before.
/// </summary>
public static class TrainingStanding
{
    public const int DefaultRenewalMonths = 12, MinRenewalMonths = 1, MaxRenewalMonths = 60;
    public const int ReminderDays = 30;

    public static DateTime ExpiresUtc(DateTime passedUtc, int renewalMonths) => passedUtc.AddMonths(renewalMonths);

    public static TrainingState State(DateTime? lastPassedUtc, int renewalMonths, DateTime nowUtc)
    {
        if (lastPassedUtc is not { } passed)
        {
            return TrainingState.NotTaken;
        }

        var expires = ExpiresUtc(passed, renewalMonths);
        return nowUtc >= expires ? TrainingState.Expired
            : nowUtc >= expires.AddDays(-ReminderDays) ? TrainingState.DueSoon
            : TrainingState.Current;
    }

    /// <summary>Whether a staff member should be reminded: the course is due or lapsed, or required of one of their roles and never passed.</summary>
    public static bool NeedsReminder(TrainingState state, bool required) =>
        state is TrainingState.DueSoon or TrainingState.Expired || (required && state == TrainingState.NotTaken);
}

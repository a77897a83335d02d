namespace Beacon.Core.Intake;

/// <summary>The unit an intake item's age is said in.</summary>
public enum AgeUnit
{
    /// <summary>Under an hour ("12 min"); 0 means under a minute.</summary>
    Minutes,
    /// <summary>From an hour to under two days ("3 h", "47 h"): the first two days are counted in hours, when triage times are.</summary>
    Hours,
    /// <summary>Two days or more, in whole days.</summary>
    Days,
}

/// <summary>How long an intake item has waited, rounded down, in the unit a person reads at a glance.</summary>
public readonly record struct IntakeAge(int Value, AgeUnit Unit)
{
    /// <summary>Under this many hours an age is said in hours: county triage times are a day or two, so "30 h" is clearer there than "1 day".</summary>
    public const int HoursUpTo = 48;

    /// <summary>The age at <paramref name="nowUtc"/> of something received at <paramref name="receivedUtc"/>; a time ahead of now (a clock a little off) is "under a minute".</summary>
    public static IntakeAge Between(DateTime receivedUtc, DateTime nowUtc)
    {
        var elapsed = nowUtc - receivedUtc;
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        return elapsed.TotalHours switch
        {
            < 1 => new IntakeAge((int)elapsed.TotalMinutes, AgeUnit.Minutes),
            < HoursUpTo => new IntakeAge((int)elapsed.TotalHours, AgeUnit.Hours),
            _ => new IntakeAge((int)elapsed.TotalDays, AgeUnit.Days),
        };
    }
}

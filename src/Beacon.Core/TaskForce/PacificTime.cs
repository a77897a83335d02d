namespace Beacon.Core.TaskForce;

/// <summary>
/// The county events' clock. Beacon stores UTC; the counties it serves are in California, so event
/// times are typed and shown in America/Los_Angeles, with the zone named (PST or PDT).
/// </summary>
public static class PacificTime
{
    public const string ZoneId = "America/Los_Angeles";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"PDT" while daylight saving time is in force at that instant, else "PST".</summary>
    public static string Abbreviation(DateTime utc) =>
        Zone.IsDaylightSavingTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) ? "PDT" : "PST";

    /// <summary>
    /// Converts a wall-clock time in California to UTC. False for a time the clocks skip (the spring
    /// change). A time that happens twice (the autumn change) is read as standard time, the later of
    /// the two instants, unless <paramref name="earlierWhenAmbiguous"/> asks for the earlier one: a time
    /// that starts a legal deadline takes the earlier, so the deadline is never an hour late.
    /// </summary>
    public static bool TryToUtc(DateTime local, out DateTime utc, bool earlierWhenAmbiguous = false)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }

        utc = earlierWhenAmbiguous && Zone.IsAmbiguousTime(unspecified)
            ? DateTime.SpecifyKind(unspecified - Zone.GetAmbiguousTimeOffsets(unspecified).Max(), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
        return true;
    }
}

using System.Globalization;
using Beacon.Core.TaskForce;

namespace Beacon.Core.Analytics;

/// <summary>
/// The calendar months and quarters figures are counted in, as numbers (<c>202610</c>, quarter <c>20264</c>), in
/// California time: a screen finished at 11 pm on 31 October in the county counts in October, whatever UTC says.
/// A month is published only once it has ended (ADR-011): two views of a month still running would differ by a
/// day's records.
/// </summary>
public static class FigureMonth
{
    public static int Of(DateTime utc)
    {
        var local = PacificTime.FromUtc(utc);
        return local.Year * 100 + local.Month;
    }

    public static int Year(int month) => month / 100;

    public static int MonthOfYear(int month) => month % 100;

    public static int Next(int month) => MonthOfYear(month) == 12 ? (Year(month) + 1) * 100 + 1 : month + 1;

    /// <summary>The first instant of the month in California, as UTC.</summary>
    public static DateTime StartUtc(int month) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(Year(month), MonthOfYear(month), 1, 0, 0, 0, DateTimeKind.Unspecified), PacificTime.Zone);

    /// <summary>The first instant after the month, as UTC.</summary>
    public static DateTime EndUtc(int month) => StartUtc(Next(month));

    /// <summary>True once the month has ended in California at <paramref name="nowUtc"/>.</summary>
    public static bool IsClosed(int month, DateTime nowUtc) => EndUtc(month) <= nowUtc;

    /// <summary>The quarter a month belongs to: <c>20264</c> for October to December 2026.</summary>
    public static int QuarterOf(int month) => Year(month) * 10 + (MonthOfYear(month) - 1) / 3 + 1;

    /// <summary>The quarter before: <c>20263</c> before <c>20264</c>, <c>20254</c> before <c>20261</c>.</summary>
    public static int PreviousQuarter(int quarter) => quarter % 10 == 1 ? (quarter / 10 - 1) * 10 + 4 : quarter - 1;

    /// <summary>The newest quarter whose three months have ended at <paramref name="nowUtc"/> ("last quarter").</summary>
    public static int LastClosedQuarter(DateTime nowUtc) => PreviousQuarter(QuarterOf(Of(nowUtc)));

    /// <summary>The three months of a quarter, in order.</summary>
    public static int[] MonthsOf(int quarter)
    {
        var first = quarter / 10 * 100 + (quarter % 10 - 1) * 3 + 1;
        return [first, first + 1, first + 2];
    }

    public static bool IsValidMonth(int month) => month is >= 190001 and <= 299912 && MonthOfYear(month) is >= 1 and <= 12;

    public static bool IsValidQuarter(int quarter) => quarter is >= 19001 and <= 29994 && quarter % 10 is >= 1 and <= 4;

    /// <summary>"2026-10", the month's key in URLs and files.</summary>
    public static string Key(int month) => string.Create(CultureInfo.InvariantCulture, $"{Year(month):D4}-{MonthOfYear(month):D2}");

    /// <summary>"2026-Q4", the quarter's key in URLs and files.</summary>
    public static string QuarterKey(int quarter) => string.Create(CultureInfo.InvariantCulture, $"{quarter / 10:D4}-Q{quarter % 10}");

    /// <summary>"October 2026" / "octubre de 2026" in the reader's culture.</summary>
    public static string Name(int month, CultureInfo culture) =>
        new DateTime(Year(month), MonthOfYear(month), 1).ToString(culture.DateTimeFormat.YearMonthPattern, culture);
}

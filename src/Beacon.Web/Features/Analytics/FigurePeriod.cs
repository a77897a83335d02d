using System.Globalization;
using Beacon.Core.Analytics;

namespace Beacon.Web.Features.Analytics;

/// <summary>What a dashboard covers: a whole quarter, or one month of it (ADR-011: whole, closed months only).</summary>
public sealed record FigurePeriod(int Quarter, int? Month)
{
    public string Key => Month is { } m ? FigureMonth.Key(m) : FigureMonth.QuarterKey(Quarter);

    public IReadOnlyList<int> Months => Month is { } m ? [m] : FigureMonth.MonthsOf(Quarter);

    /// <summary>Reads "2026-Q3" or "2026-07"; null for anything else.</summary>
    public static FigurePeriod? Parse(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length is not (7))
        {
            return null;
        }

        if (key[4] == '-' && key[5] == 'Q' && int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && key[6] is >= '1' and <= '4')
        {
            var quarter = year * 10 + (key[6] - '0');
            return FigureMonth.IsValidQuarter(quarter) ? new FigurePeriod(quarter, null) : null;
        }

        if (key[4] == '-' && int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(key.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm))
        {
            var month = y * 100 + mm;
            return FigureMonth.IsValidMonth(month) ? new FigurePeriod(FigureMonth.QuarterOf(month), month) : null;
        }

        return null;
    }

    /// <summary>
    /// "2026 Q3 (July to September)" or "July 2026" in the reader's language; <paramref name="quarterFormat"/> is the
    /// localized pattern with {0} year, {1} quarter number, {2} first and {3} last month names.
    /// </summary>
    public string Name(CultureInfo culture, string quarterFormat)
    {
        if (Month is { } m)
        {
            return FigureMonth.Name(m, culture);
        }

        var months = FigureMonth.MonthsOf(Quarter);
        string MonthName(int month) => new DateTime(FigureMonth.Year(month), FigureMonth.MonthOfYear(month), 1).ToString("MMMM", culture);
        return string.Format(culture, quarterFormat, Quarter / 10, Quarter % 10, MonthName(months[0]), MonthName(months[2]));
    }
}

using System.Text.RegularExpressions;
using Beacon.Core.Analytics;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Analytics;

/// <summary>What the figures tests share: completed screens put straight into closed months, and reading tables back.</summary>
internal static partial class FiguresKit
{
    /// <summary>The newest quarter whose three months have ended (the dashboard's default, "last quarter").</summary>
    public static int LastQuarter => FigureMonth.LastClosedQuarter(DateTime.UtcNow);

    /// <summary>
    /// Completed screens at an agency, as finishing them through the form would store them (facts included), in the
    /// middle of <paramref name="month"/>: <paramref name="items"/> rated clear on each.
    /// </summary>
    public static async Task AddScreensAsync(this BeaconFactory factory, Guid author, string county, Guid agency, int month, ConcernLevel level, int count, params string[] items)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var at = FigureMonth.StartUtc(month).AddDays(14);
        var answers = "{" + string.Join(',', items.Select(i => $"\"{i}\":{(int)ConcernLevel.Clear}")) + "}";
        for (var i = 0; i < count; i++)
        {
            var screen = new SavedScreen
            {
                JurisdictionId = county, AgencyId = agency, AuthorId = author, InstrumentId = "beacon-full", InstrumentVersion = 1,
                AnswersJson = answers, ReasonsJson = "{}", Level = level, CreatedUtc = at, UpdatedUtc = at, CompletedUtc = at,
            };
            db.SavedScreens.Add(screen);
            ScreenFacts.AddFor(db, screen);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Every count cell of the page's tables: (table id, disclosure, value or null), read from the data attributes.</summary>
    public static List<(string Table, string Disclosure, string Value, string Text)> Cells(string html)
    {
        var cells = new List<(string, string, string, string)>();
        foreach (Match table in TableRegex().Matches(html))
        {
            foreach (Match td in CellRegex().Matches(table.Groups[2].Value))
            {
                cells.Add((table.Groups[1].Value, td.Groups[2].Value, td.Groups[1].Value, System.Net.WebUtility.HtmlDecode(Regex.Replace(td.Groups[3].Value, "<[^>]+>", "")).Trim()));
            }
        }

        return cells;
    }

    [GeneratedRegex("<table id=\"fig-([a-z-]+)-table\"(.*?)</table>", RegexOptions.Singleline)]
    private static partial Regex TableRegex();

    [GeneratedRegex("<td[^>]*data-value=\"([^\"]*)\"[^>]*data-disclosure=\"([a-z]+)\"[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellRegex();
}

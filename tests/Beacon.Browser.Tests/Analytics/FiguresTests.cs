using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Analytics;

/// <summary>
/// The task-force coordinator's morning, as issue 8 puts it: open the figures for last quarter, see the trends drawn
/// (Chart.js, served by Beacon, under the strict content security policy, with no error in the console), read the
/// same figures in the table beside each chart, and download the tables for the state report; the page passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FiguresTests(BrowserFixture browser, BeaconServer server, ITestOutputHelper output) : IClassFixture<BeaconServer>
{
    [Fact]
    public async Task Coordinator_OpensLastQuarter_SeesChartsTablesAndDownloadsTheCsv()
    {
        var coordinator = await server.CreateUserInAsync("Synthetic Task Force", "Coordinator Testperson", Roles.Analyst);
        await SeedLastQuarterAsync();
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.SignInAsync(server, coordinator);

        await page.GotoAsync(server.Url("/figures"));

        await Expect(page.Locator("h1")).ToHaveTextAsync("Task-force figures");
        await Expect(page.Locator("#period")).ToHaveValueAsync(FigureMonth.QuarterKey(LastQuarter));
        // The chart is drawn (its box shown once the script has drawn it) and its table is beside it.
        var chart = page.Locator("#fig-screens-by-level .figure-chart");
        await Expect(chart).ToBeVisibleAsync();
        Assert.True((await chart.Locator("canvas").BoundingBoxAsync())!.Height > 50);
        await Expect(page.Locator("#fig-screens-by-level-table tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#fig-indicators-table")).ToContainTextAsync("<11");
        Assert.Empty(errors);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download every table (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Completed screens by month and concern level", csv, StringComparison.Ordinal);
        Assert.Contains("Whole quarter", csv, StringComparison.Ordinal);

        var audit = new AxeAudit(server, output.WriteLine);
        foreach (var language in AxeAudit.Languages)
        {
            await audit.CheckAsync(session, page, "task-force figures", "/figures", language);
        }

        audit.AssertClean();
    }

    private static int LastQuarter => FigureMonth.LastClosedQuarter(DateTime.UtcNow);

    /// <summary>Screens in each month of last quarter at two agencies: mostly large counts, one small one.</summary>
    private async Task SeedLastQuarterAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var author = await db.Users.Select(u => u.Id).FirstAsync();
        var agencies = await db.Agencies.Where(a => a.JurisdictionId == "placer").Select(a => a.Id).Take(2).ToListAsync();
        var months = FigureMonth.MonthsOf(LastQuarter);
        foreach (var (month, m) in months.Select((month, m) => (month, m)))
        {
            foreach (var agency in agencies)
            {
                Add(db, author, agency, month, ConcernLevel.None, 30 + 5 * m);
                Add(db, author, agency, month, ConcernLevel.Possible, 20 + 3 * m, "hotel-keys", "older-partner");
                Add(db, author, agency, month, ConcernLevel.Clear, 15 + 4 * m, "hotel-keys", "multiple-phones", "cash-rolls");
            }
        }

        Add(db, author, agencies[0], months[1], ConcernLevel.Clear, 2, "branding-tattoos");
        await db.SaveChangesAsync();
    }

    private static void Add(BeaconDbContext db, Guid author, Guid agency, int month, ConcernLevel level, int count, params string[] items)
    {
        var at = FigureMonth.StartUtc(month).AddDays(10);
        var answers = "{" + string.Join(',', items.Select(i => $"\"{i}\":{(int)ConcernLevel.Clear}")) + "}";
        for (var i = 0; i < count; i++)
        {
            var screen = new SavedScreen
            {
                JurisdictionId = "placer", AgencyId = agency, AuthorId = author, InstrumentId = "beacon-full", InstrumentVersion = 1,
                AnswersJson = answers, ReasonsJson = "{}", Level = level, CreatedUtc = at, UpdatedUtc = at, CompletedUtc = at,
            };
            db.SavedScreens.Add(screen);
            ScreenFacts.AddFor(db, screen);
        }
    }
}

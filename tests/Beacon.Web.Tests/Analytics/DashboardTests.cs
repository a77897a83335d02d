using System.Net;
using System.Text;
using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Analytics;

/// <summary>
/// The task force's dashboard on a county with screens in last quarter: who may see it, what it shows, that no
/// count from 1 to 10 is on the page or in either export, that every view and export is audited, and that the
/// figures are published once and read again unchanged.
/// </summary>
[Trait("Category", "Data")]
public sealed class DashboardTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly string[] CountTables =
        ["screens-by-level", "indicators", "risk-factors", "pathways", "grooming-tactics", "recruitment-places", "intake-by-source", "referrals", "services",
        "screens-by-age", "screens-by-gender", "online-platforms"];

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    private async Task<(TestUser Analyst, Guid Agency)> SeedAsync()
    {
        var analyst = await factory.CreateInAgencyAsync("placer", "Figures Child Welfare", Roles.Analyst);
        await Seeded.WaitAsync();
        try
        {
            if (!_seeded)
            {
                var months = FigureMonth.MonthsOf(FiguresKit.LastQuarter);
                var other = (await factory.CreateInAgencyAsync("placer", "Figures Probation", Roles.Caseworker)).AgencyId;
                await factory.AddScreensAsync(analyst.Id, "placer", analyst.AgencyId, months[0], ConcernLevel.Clear, 25, "hotel-keys", "older-partner");
                await factory.AddScreensAsync(analyst.Id, "placer", analyst.AgencyId, months[0], ConcernLevel.Possible, 3, "hotel-keys");
                await factory.AddScreensAsync(analyst.Id, "placer", analyst.AgencyId, months[1], ConcernLevel.None, 40);
                await factory.AddScreensAsync(analyst.Id, "placer", other, months[1], ConcernLevel.Clear, 7, "multiple-phones");
                await factory.AddScreensAsync(analyst.Id, "placer", other, months[2], ConcernLevel.Possible, 30, "chronic-runaway");
                foreach (var month in months)
                {
                    await factory.AddScreensAsync(analyst.Id, "placer", analyst.AgencyId, month, ConcernLevel.None, 60);
                    await factory.AddScreensAsync(analyst.Id, "placer", other, month, ConcernLevel.Clear, 45, "hotel-keys", "gift-cards");
                }

                await factory.AddScreensAsync(analyst.Id, "monterey", Guid.Empty, months[2], ConcernLevel.Clear, 2, "hotel-keys");
                _seeded = true;
            }
        }
        finally
        {
            Seeded.Release();
        }

        return (analyst, analyst.AgencyId);
    }

    private async Task<HttpClient> SignedInAsync(TestUser user)
    {
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        return client;
    }

    [Fact]
    public async Task Dashboard_LastQuarter_ShowsEveryTableAndNoCountFromOneToTen()
    {
        var (analyst, _) = await SeedAsync();
        var client = await SignedInAsync(analyst);

        var response = await client.GetAsync("/figures");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Task-force figures", html, StringComparison.Ordinal);
        Assert.Contains(FigureMonth.QuarterKey(FiguresKit.LastQuarter), html, StringComparison.Ordinal);
        var cells = FiguresKit.Cells(html);
        foreach (var table in CountTables)
        {
            Assert.Contains(cells, c => c.Table == table);
        }

        Assert.Contains(cells, c => c.Disclosure == "small" && c.Text == "<11" && c.Value == "");
        Assert.All(cells.Where(c => CountTables.Contains(c.Table) && c.Disclosure == "shown"), c => Assert.False(long.Parse(c.Value) is >= 1 and <= 10, $"{c.Table}: {c.Value}"));
        // Something is shown: 135 screens recorded a hotel key card in the quarter, at the county level.
        Assert.Contains(cells, c => c.Table == "indicators" && c.Disclosure == "shown" && c.Value == "135");
        // And the small ones are said as small: the three "possible" screens of the first month.
        Assert.Contains(cells, c => c.Table == "screens-by-level" && c.Disclosure == "small");
        // Monterey's screens are not Placer's.
        Assert.DoesNotContain("Monterey", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_CsvAndPdf_CarryTheSameStringsAndNoSmallValue()
    {
        var (analyst, _) = await SeedAsync();
        var client = await SignedInAsync(analyst);
        var period = FigureMonth.QuarterKey(FiguresKit.LastQuarter);

        var csv = await client.GetAsync($"/figures?handler=Csv&period={period}&county=placer");
        var pdf = await client.GetAsync($"/figures?handler=Pdf&period={period}&county=placer");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("<11", text, StringComparison.Ordinal);
        Assert.Contains("Completed screens by month and concern level", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewAndExports_AreEachAudited()
    {
        var (analyst, _) = await SeedAsync();
        var client = await SignedInAsync(analyst);
        var period = FigureMonth.QuarterKey(FiguresKit.LastQuarter);

        await client.GetAsync($"/figures?period={period}&county=placer");
        await client.GetAsync($"/figures?handler=Csv&period={period}&county=placer");
        await client.GetAsync($"/figures?handler=Pdf&period={period}&county=placer");

        var entries = await factory.QueryAsync(db => db.AuditLog.Where(e => e.UserId == analyst.Id && e.RecordType == AuditRecordTypes.Figures)
            .Select(e => new { e.Action, e.RecordId, e.Detail }).ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditAction.View && e.RecordId == $"{period}/placer" && e.Detail == "view");
        Assert.Contains(entries, e => e.Action == AuditAction.Export && e.Detail == "csv");
        Assert.Contains(entries, e => e.Action == AuditAction.Export && e.Detail == "pdf");
    }

    [Fact]
    public async Task Release_ReadTwice_IsPublishedOnce()
    {
        var (analyst, _) = await SeedAsync();
        var client = await SignedInAsync(analyst);

        var first = await client.GetStringAsync("/figures");
        var second = await client.GetStringAsync("/figures");

        Assert.Equal(FiguresKit.Cells(first), FiguresKit.Cells(second));
        Assert.Equal(1, await factory.QueryAsync(db => db.FigureReleases.CountAsync(r => r.Quarter == FiguresKit.LastQuarter)));
    }

    [Fact]
    public async Task OtherCountyOrItsAgency_IsRefusedAsNotFoundAndAudited()
    {
        var (analyst, _) = await SeedAsync();
        var stranger = await factory.CreateInAgencyAsync("monterey", "Figures Monterey Agency", Roles.Caseworker);
        var client = await SignedInAsync(analyst);

        var county = await client.GetAsync("/figures?county=monterey");
        var allCounties = await client.GetAsync("/figures?county=*");
        var agency = await client.GetAsync($"/figures?county=placer&agency={stranger.AgencyId}");

        Assert.Equal(HttpStatusCode.NotFound, county.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, allCounties.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, agency.StatusCode);
        Assert.Equal(3, await factory.QueryAsync(db => db.AuditLog.CountAsync(e => e.UserId == analyst.Id && e.Action == AuditAction.AccessRefused && e.RecordType == AuditRecordTypes.Figures)));
    }

    [Fact]
    public async Task Period_NotEndedOrMalformed_IsAnErrorOnThePeriodField()
    {
        var (analyst, _) = await SeedAsync();
        var client = await SignedInAsync(analyst);

        var open = await client.GetStringAsync($"/figures?period={FigureMonth.Key(FigureMonth.Of(DateTime.UtcNow))}");
        var malformed = await client.GetStringAsync("/figures?period=last-week");

        Assert.Contains("That period has not ended yet", open, StringComparison.Ordinal);
        Assert.Contains("href=\"#period\"", open, StringComparison.Ordinal);
        Assert.Contains("Choose a period from the list.", malformed, StringComparison.Ordinal);
        Assert.Empty(FiguresKit.Cells(open));
    }

    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Reporter)]
    public async Task Dashboard_StaffWithoutAFiguresRole_IsNotShownIt(string role)
    {
        var user = await factory.CreateInAgencyAsync("placer", "Figures Other Agency", role);
        var client = await SignedInAsync(user);

        var response = await client.GetAsync("/figures");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_InSpanish_SaysItInSpanish()
    {
        var (analyst, _) = await SeedAsync();
        var client = await SignedInAsync(analyst);

        var html = await client.GetStringAsync("/figures?lang=es");

        Assert.Contains("Cifras del grupo de trabajo", html, StringComparison.Ordinal);
        Assert.Contains("Evaluaciones completadas por mes y nivel de preocupación", html, StringComparison.Ordinal);
    }
}
